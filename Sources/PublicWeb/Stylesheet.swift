/// The one stylesheet every public page links: small, readable on a phone first.
public enum Stylesheet {
    /// Where the portal serves it.
    public static let path = "/static/site.css"

    public static let text = """
        *,*::before,*::after{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{margin:0;font-family:"Noto Serif","Times New Roman",serif;font-size:1.0625rem;line-height:1.6;color:#1b1b1b;background:#fff}
        header.masthead{background:#a50e0e;color:#fff;padding:.75rem max(1rem,calc((100% - 44rem)/2))}
        header.masthead a{color:#fff;text-decoration:none}
        header.masthead p{margin:0}
        header.masthead .portal{font-family:system-ui,sans-serif;font-size:.85rem;text-transform:uppercase;letter-spacing:.03em}
        header.masthead .site{font-family:system-ui,sans-serif;font-size:1.3rem;font-weight:700}
        ul.categories{list-style:none;margin:.5rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-family:system-ui,sans-serif;font-size:.95rem}
        main{max-width:46rem;margin:0 auto;padding:1rem}
        h1{font-size:1.6rem;line-height:1.3;margin:.5rem 0 1rem}
        h2{font-size:1.25rem;line-height:1.35;margin:1.5rem 0 .5rem}
        a{color:#0b4ea2}
        .meta,.byline,small,.credit,figcaption,.document-number{font-family:system-ui,sans-serif;color:#555;font-size:.9rem}
        .byline{text-align:right;font-weight:700;color:#1b1b1b}
        .sapo{font-size:1.1rem}
        .body img,figure img{max-width:100%;height:auto}
        figure{margin:1rem 0}
        figure img{display:block;width:100%}
        ul.items{list-style:none;padding:0;margin:0}
        ul.items li{padding:.75rem 0;border-bottom:1px solid #e3e3e3}
        ul.items li p{margin:.25rem 0 0}
        ul.items li > a{font-weight:700;text-decoration:none}
        ul.sites{padding-left:1.2rem}
        nav.paging{display:flex;justify-content:space-between;margin:1rem 0;font-family:system-ui,sans-serif}
        .correction{border-left:4px solid #a50e0e;padding:.25rem .75rem;background:#fbf3f3}
        footer{border-top:1px solid #e3e3e3;margin-top:2rem;padding:1rem;text-align:center;font-family:system-ui,sans-serif;font-size:.85rem;color:#555}
        @media (min-width:48rem){body{font-size:1.125rem}h1{font-size:2rem}}

        """
}
