// SitrepKnowledge: see the module's files; this file marks the module in the package.
