import Foundation

/// What went wrong with a file, sorted from the system's and Foundation's errors into kinds a
/// person can be told of (`Strings.fileReason`), so no error domain or code reaches a screen.
public enum FileFailure: Equatable, Sendable {
    case notFound, noPermission, diskFull, readOnly, isFolder, notAFolder, exists, other

    public init(_ error: any Error) {
        if let written = error as? SafeFile.WriteError {
            self.init(errno: written.code)
            return
        }
        var found: NSError? = error as NSError
        while let error = found {
            if error.domain == NSPOSIXErrorDomain {
                self.init(errno: Int32(error.code))
                return
            }
            if error.domain == NSCocoaErrorDomain, let known = Self.cocoa[error.code] {
                self = known
                return
            }
            // On Linux the error under it is often a Swift error (POSIXError), not an NSError.
            found = (error.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
        }
        self = .other
    }

    public init(errno code: Int32) {
        switch code {
        case ENOENT: self = .notFound
        case EACCES, EPERM: self = .noPermission
        case ENOSPC, EDQUOT: self = .diskFull
        case EROFS: self = .readOnly
        case EISDIR: self = .isFolder
        case ENOTDIR: self = .notAFolder
        case EEXIST: self = .exists
        default: self = .other
        }
    }

    /// Foundation's file error codes (CocoaError), where no system error lies under them.
    private static let cocoa: [Int: FileFailure] = [
        CocoaError.fileNoSuchFile.rawValue: .notFound, CocoaError.fileReadNoSuchFile.rawValue: .notFound,
        CocoaError.fileReadNoPermission.rawValue: .noPermission, CocoaError.fileWriteNoPermission.rawValue: .noPermission,
        CocoaError.fileWriteOutOfSpace.rawValue: .diskFull, CocoaError.fileWriteVolumeReadOnly.rawValue: .readOnly,
    ]
}
