import ArgumentParser
import Foundation
import SitrepCore

// Exit status is part of the contract: 0 all good, 1 some inputs rejected, 2 usage error.
// Argument Parser's own usage errors exit 64, so parsing is done here and mapped.
do {
    var command = try Sitrep.parseAsRoot()
    try command.run()
} catch let error as SitrepError {
    Console.error(error.description)
    exit(error.isUsageError ? ExitStatus.usage : ExitStatus.rejected)
} catch let error as ExitCode {
    exit(error.rawValue)
} catch {
    let code = Sitrep.exitCode(for: error)
    let message = Sitrep.fullMessage(for: error)
    if code == .success {
        if !message.isEmpty { print(message) }
        exit(0)
    }
    if !message.isEmpty { Console.error(message) }
    exit(code == .validationFailure ? ExitStatus.usage : code.rawValue)
}
