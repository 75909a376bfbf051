/// The public pages' templates, compiled in: no file is read at run time, wherever the
/// portal starts. Every `{{name}}` is escaped by Mustache; the only raw insertion,
/// `{{{html}}}`, is the sanitiser's HTML of a publication (`Publication.html`).
///
/// Pages extend `layout` by template inheritance: `{{<layout}}{{$main}}…{{/main}}{{/layout}}`,
/// with the blocks `title`, `head` (extra tags in `<head>`) and `main`.
enum PageTemplates {
    static let all: [String: String] = [
        "layout": layout,
        "article": article,
        "listing": listing,
        "portal": portal,
        "message": message,
        "teaser": teaser,
        "rss": rss,
        "atom": atom,
        "sitemap": sitemap,
        "sitemapIndex": sitemapIndex,
    ]

    static let layout = """
        <!DOCTYPE html>
        <html lang="{{chrome.language}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{$title}}{{chrome.portalName}}{{/title}}</title>
        <link rel="stylesheet" href="\(Stylesheet.path)">
        {{$head}}{{/head}}
        </head>
        <body>
        <header class="masthead">
        <p class="portal"><a href="/">{{chrome.portalName}}</a></p>
        {{#chrome.site}}<p class="site"><a href="{{home}}">{{name}}</a></p>{{/chrome.site}}
        {{#chrome.site}}{{#hasCategories}}<nav aria-label="{{chrome.words.categories}}"><ul class="categories">{{#categories}}<li><a href="{{address}}">{{name}}</a></li>{{/categories}}</ul></nav>{{/hasCategories}}{{/chrome.site}}
        </header>
        <main>
        {{$main}}{{/main}}
        </main>
        <footer>
        <p>{{chrome.portalName}}{{#chrome.site}} · <a href="{{feed}}">RSS</a> · <a href="{{atom}}">Atom</a>{{/chrome.site}}</p>
        </footer>
        </body>
        </html>

        """

    static let article = """
        {{<layout}}
        {{$title}}{{article.title}} – {{chrome.site.name}}{{/title}}
        {{$head}}
        <meta name="description" content="{{article.description}}">
        <link rel="canonical" href="{{article.url}}">
        <meta property="og:type" content="article">
        <meta property="og:title" content="{{article.title}}">
        <meta property="og:description" content="{{article.description}}">
        <meta property="og:url" content="{{article.url}}">
        <meta property="og:site_name" content="{{chrome.site.name}}">
        <meta property="og:locale" content="vi_VN">
        {{#article.cover}}<meta property="og:image" content="{{url}}">{{/article.cover}}
        {{/head}}
        {{$main}}
        <article>
        <p class="meta"><a href="{{article.categoryAddress}}">{{article.category}}</a> · <time datetime="{{article.isoDate}}">{{article.date}}</time></p>
        {{#article.documentNumber}}<p class="document-number">{{chrome.words.documentNumber}}: {{article.documentNumber}}</p>{{/article.documentNumber}}
        {{#article.correction}}<p class="correction"><strong>{{chrome.words.correction}}</strong> <time datetime="{{isoDate}}">{{date}}</time>: {{note}}</p>{{/article.correction}}
        <div class="body">
        {{{article.html}}}
        </div>
        {{#article.photos}}
        <figure>
        <img src="{{address}}" alt="{{alt}}">
        <figcaption>{{caption}}{{#credit}} <span class="credit">({{credit}})</span>{{/credit}}</figcaption>
        </figure>
        {{/article.photos}}
        <p class="byline">{{article.byline}}</p>
        </article>
        {{/main}}
        {{/layout}}
        """

    static let listing = """
        {{<layout}}
        {{$title}}{{heading}} – {{chrome.portalName}}{{/title}}
        {{$head}}{{#feed}}<link rel="alternate" type="application/rss+xml" title="{{heading}}" href="{{feed}}">{{/feed}}{{/head}}
        {{$main}}
        <h1>{{heading}}</h1>
        {{#isEmpty}}<p class="empty">{{chrome.words.nothingYet}}</p>{{/isEmpty}}
        {{#sections}}
        <section>
        <h2><a href="{{address}}">{{name}}</a></h2>
        <ul class="items">
        {{#items}}{{>teaser}}{{/items}}
        </ul>
        </section>
        {{/sections}}
        {{#hasItems}}<ul class="items">
        {{#items}}{{>teaser}}{{/items}}
        </ul>{{/hasItems}}
        {{#paging}}<nav class="paging" aria-label="{{chrome.words.pages}}">{{#newer}}<a rel="prev" href="{{newer}}">{{chrome.words.newer}}</a>{{/newer}} {{#older}}<a rel="next" href="{{older}}">{{chrome.words.older}}</a>{{/older}}</nav>{{/paging}}
        {{/main}}
        {{/layout}}
        """

    /// One item in a list: used by `listing` and `portal` as the partial `teaser`.
    static let teaser = """
        <li><a href="{{address}}">{{title}}</a>{{#documentNumber}} <span class="document-number">{{documentNumber}}</span>{{/documentNumber}}<br><small>{{siteName}} · <time datetime="{{isoDate}}">{{date}}</time></small>{{#sapo}}<p>{{sapo}}</p>{{/sapo}}</li>

        """

    static let portal = """
        {{<layout}}
        {{$main}}
        <h1>{{chrome.portalName}}</h1>
        <section>
        <h2>{{chrome.words.latest}}</h2>
        {{^latest}}<p class="empty">{{chrome.words.nothingYet}}</p>{{/latest}}
        <ul class="items">
        {{#latest}}{{>teaser}}{{/latest}}
        </ul>
        </section>
        <section>
        <h2>{{chrome.words.sites}}</h2>
        <ul class="sites">
        {{#sites}}<li><a href="{{home}}">{{name}}</a></li>{{/sites}}
        </ul>
        </section>
        {{/main}}
        {{/layout}}
        """

    /// Not found, gone (410): a heading and a sentence.
    static let message = """
        {{<layout}}
        {{$title}}{{heading}} – {{chrome.portalName}}{{/title}}
        {{$main}}
        <h1>{{heading}}</h1>
        <p>{{text}}</p>
        <p><a href="{{back}}">{{chrome.words.backHome}}</a></p>
        {{/main}}
        {{/layout}}
        """

    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
        <channel>
        <title>{{title}}</title>
        <link>{{link}}</link>
        <description>{{description}}</description>
        <language>vi</language>
        <atom:link href="{{selfURL}}" rel="self" type="application/rss+xml"/>
        {{#updatedRFC822}}<lastBuildDate>{{updatedRFC822}}</lastBuildDate>{{/updatedRFC822}}
        {{#entries}}
        <item>
        <title>{{title}}</title>
        <link>{{url}}</link>
        <guid isPermaLink="true">{{url}}</guid>
        <pubDate>{{rfc822}}</pubDate>
        <category>{{category}}</category>
        {{#sapo}}<description>{{sapo}}</description>{{/sapo}}
        </item>
        {{/entries}}
        </channel>
        </rss>

        """

    static let atom = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
        <title>{{title}}</title>
        <id>{{link}}</id>
        <link rel="alternate" type="text/html" href="{{link}}"/>
        <link rel="self" type="application/atom+xml" href="{{selfURL}}"/>
        <updated>{{updatedISO}}</updated>
        <author><name>{{title}}</name></author>
        {{#entries}}
        <entry>
        <title>{{title}}</title>
        <id>{{url}}</id>
        <link rel="alternate" type="text/html" href="{{url}}"/>
        <published>{{isoDate}}</published>
        <updated>{{updatedISO}}</updated>
        <author><name>{{byline}}</name></author>
        <category term="{{category}}"/>
        {{#sapo}}<summary>{{sapo}}</summary>{{/sapo}}
        </entry>
        {{/entries}}
        </feed>

        """

    static let sitemap = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        {{#urls}}
        <url><loc>{{loc}}</loc>{{#lastmod}}<lastmod>{{lastmod}}</lastmod>{{/lastmod}}</url>
        {{/urls}}
        </urlset>

        """

    static let sitemapIndex = """
        <?xml version="1.0" encoding="UTF-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        {{#sitemaps}}
        <sitemap><loc>{{loc}}</loc>{{#lastmod}}<lastmod>{{lastmod}}</lastmod>{{/lastmod}}</sitemap>
        {{/sitemaps}}
        </sitemapindex>

        """
}
