// SitrepExtract: sentences → typed event mentions. See the module's files.
import SitrepCore
