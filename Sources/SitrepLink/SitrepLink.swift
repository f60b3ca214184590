// SitrepLink: mentions across documents → canonical events. See the module's files.
import SitrepCore
