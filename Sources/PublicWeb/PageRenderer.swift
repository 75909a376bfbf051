import Mustache

/// The public pages' templates, parsed once: `render` fills one with a view value.
///
/// Mustache escapes every `{{name}}` for HTML (which is also correct in XML text and
/// attributes); other parts of the portal (the contributors' door) register their own
/// templates beside these and extend the same `layout`.
public struct PageRenderer: Sendable {
    private let library: MustacheLibrary
    /// Why the templates could not be parsed, when they could not.
    private let failure: String?

    /// The bundled templates plus `extra` (name → Mustache text; an extra one replaces a
    /// bundled one of the same name).
    public init(extra: [String: String] = [:]) throws {
        var library = MustacheLibrary()
        for (name, text) in PageTemplates.all.merging(extra, uniquingKeysWith: { _, new in new }) {
            try library.register(text, named: name)
        }
        self.library = library
        failure = nil
    }

    private init(failure: String) {
        library = MustacheLibrary()
        self.failure = failure
    }

    /// A renderer whose every page says why the templates failed to parse (a defect of the
    /// build, which the tests show), instead of a server that cannot start.
    public static func failed(_ error: any Error) -> PageRenderer {
        PageRenderer(failure: "templates: \(error)")
    }

    /// `view`'s stored properties fill template `name`; nil when there is no such template.
    public func render(_ name: String, _ view: Any) -> String? {
        if let failure { return failure }
        return library.render(view, withTemplate: name)
    }
}
