/// The contributors' door's templates, registered beside the public pages' and extending
/// their `layout`. Everything is escaped by Mustache; nothing is inserted raw. No script:
/// every action is a plain form, every form carries the door's CSRF token.
enum DoorTemplates {
    static let all: [String: String] = [
        "doorTop": top,
        "doorCredentials": credentials,
        "doorSignIn": signIn,
        "doorItems": items,
        "doorCompose": compose,
        "doorItem": item,
        "doorMessage": message,
    ]

    static let head = #"<meta name="robots" content="noindex"><link rel="stylesheet" href="\#(DoorStylesheet.path)">"#

    /// Who is signed in, the door's links, what just happened and what went wrong.
    static let top = """
        <nav class="door" aria-label="{{t.door}}"><strong>{{t.door}}</strong>{{#user}} · {{name}} · <a href="\(DoorAddress.root)">{{t.myItems}}</a> · <a href="\(DoorAddress.compose)">{{t.newItem}}</a>
        <form method="post" action="\(DoorAddress.signOut)" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">{{t.signOut}}</button></form>{{/user}}</nav>
        {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
        {{#hasProblems}}<ul class="problems" role="alert">{{#problems}}<li>{{.}}</li>{{/problems}}</ul>{{/hasProblems}}

        """

    /// Name, password and code: the sign-in form's, and a form's whose session ran out.
    static let credentials = """
        <p><label for="name">{{t.loginName}}</label><input id="name" name="name" autocomplete="username" maxlength="200" value="{{signInName}}"></p>
        <p><label for="password">{{t.password}}</label><input id="password" name="password" type="password" autocomplete="current-password" maxlength="1000"></p>
        <p><label for="code">{{t.code}}</label><input id="code" name="code" autocomplete="one-time-code" maxlength="10"><small>{{t.codeHint}}</small></p>

        """

    static let signIn = """
        {{<layout}}
        {{$title}}{{t.signInHeading}} – {{t.door}}{{/title}}
        {{$head}}\(head){{/head}}
        {{$main}}
        {{>doorTop}}
        <h1>{{t.signInHeading}}</h1>
        <p>{{t.signInIntro}}</p>
        <form method="post" action="\(DoorAddress.signIn)" class="door">
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{>doorCredentials}}
        <p><button type="submit" id="sign-in">{{t.signIn}}</button></p>
        </form>
        {{/main}}
        {{/layout}}
        """

    static let items = """
        {{<layout}}
        {{$title}}{{t.myItems}} – {{t.door}}{{/title}}
        {{$head}}\(head){{/head}}
        {{$main}}
        {{>doorTop}}
        <h1>{{t.myItems}}</h1>
        <p><a href="\(DoorAddress.compose)" id="new-item">{{t.newItem}}</a></p>
        {{^hasItems}}<p>{{t.noItems}}</p>{{/hasItems}}
        {{#hasItems}}<table class="items">
        <thead><tr><th scope="col">{{t.title}}</th><th scope="col">{{t.site}}</th><th scope="col">{{t.status}}</th><th scope="col">{{t.received}}</th><th scope="col">{{t.words}}</th></tr></thead>
        <tbody>
        {{#items}}<tr id="item-{{id}}"><td><a href="{{address}}">{{title}}</a></td><td>{{site}}</td><td class="status status-{{statusCode}}">{{status}}</td><td>{{received}}</td><td class="number">{{words}}</td></tr>
        {{/items}}
        </tbody>
        </table>{{/hasItems}}
        {{/main}}
        {{/layout}}
        """

    static let compose = """
        {{<layout}}
        {{$title}}{{t.newItem}} – {{t.door}}{{/title}}
        {{$head}}\(head){{/head}}
        {{$main}}
        {{>doorTop}}
        <h1>{{t.newItem}}</h1>
        {{#compose}}
        <form method="post" action="\(DoorAddress.compose)" enctype="multipart/form-data" class="door">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="form_key" value="{{formKey}}">
        <input type="hidden" name="photo_slots" value="{{photoRows}}">
        <input type="hidden" name="coauthor_slots" value="{{coAuthorRows}}">
        {{#reauth}}<fieldset><legend>{{t.signInHeading}}</legend>
        {{>doorCredentials}}</fieldset>{{/reauth}}
        <p><label for="site">{{t.site}}</label><select id="site" name="site">{{#sites}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/sites}}</select></p>
        <p><label for="category">{{t.category}}</label><select id="category" name="category">{{#categories}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/categories}}</select></p>
        <p><label for="title">{{t.title}}</label><input id="title" name="title" maxlength="{{titleLimit}}" value="{{title}}"></p>
        <p><label for="sapo">{{t.sapo}}</label><textarea id="sapo" name="sapo" rows="3" cols="60">{{sapo}}</textarea></p>
        <p><label for="body">{{t.body}}</label><textarea id="body" name="body" rows="16" cols="60">{{body}}</textarea><small>{{t.bodyHint}}</small></p>
        {{#hasCount}}<p class="count">{{t.wordCount}}: <strong id="word-count">{{wordCount}}</strong></p>{{/hasCount}}
        <fieldset><legend>{{t.photos}}</legend>
        <p><small>{{t.photosHint}}</small></p>
        {{#photosLost}}<p class="notice">{{t.photosAgain}}</p>{{/photosLost}}
        {{#photoSlots}}<div class="photo">
        <p><label for="photo{{n}}">{{label}}</label><input id="photo{{n}}" name="photo{{n}}" type="file" accept="image/jpeg,image/png,image/webp,image/gif"></p>
        <p><label for="caption{{n}}">{{t.caption}}</label><input id="caption{{n}}" name="caption{{n}}" maxlength="1000" value="{{caption}}"></p>
        <p><label for="credit{{n}}">{{t.credit}}</label><input id="credit{{n}}" name="credit{{n}}" maxlength="200" value="{{credit}}"></p>
        </div>
        {{/photoSlots}}
        {{#morePhotos}}<p><button type="submit" name="do" value="more_photos" id="more-photos">{{t.morePhotos}}</button></p>{{/morePhotos}}
        </fieldset>
        <fieldset><legend>{{t.coAuthors}}</legend>
        <p><small>{{t.coAuthorsHint}}</small></p>
        {{#coAuthorSlots}}<p class="coauthor"><label for="coauthor{{n}}">{{label}}</label><select id="coauthor{{n}}" name="coauthor{{n}}"><option value="">{{t.nobody}}</option>{{#people}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/people}}</select>
        <label for="share{{n}}">{{t.share}}</label><input id="share{{n}}" name="share{{n}}" size="3" maxlength="3" value="{{share}}"></p>
        {{/coAuthorSlots}}
        {{#moreCoAuthors}}<p><button type="submit" name="do" value="more_coauthors" id="more-coauthors">{{t.moreCoAuthors}}</button></p>{{/moreCoAuthors}}
        </fieldset>
        <p class="actions"><button type="submit" name="do" value="preview" id="preview">{{t.preview}}</button> <button type="submit" name="do" value="submit" id="submit">{{t.submit}}</button></p>
        </form>
        {{/compose}}
        {{/main}}
        {{/layout}}
        """

    static let item = """
        {{<layout}}
        {{$title}}{{item.title}} – {{t.door}}{{/title}}
        {{$head}}\(head){{/head}}
        {{$main}}
        {{>doorTop}}
        {{#item}}
        <p><a href="\(DoorAddress.root)">{{t.back}}</a></p>
        <h1>{{title}}</h1>
        <dl class="facts">
        <dt>{{t.status}}</dt><dd id="status" class="status status-{{statusCode}}">{{status}}</dd>
        <dt>{{t.site}}</dt><dd>{{site}}</dd>
        <dt>{{t.category}}</dt><dd>{{category}}</dd>
        <dt>{{t.received}}</dt><dd>{{received}}</dd>
        <dt>{{t.words}}</dt><dd id="words">{{words}}</dd>
        {{#publicAddress}}<dt>URL</dt><dd><a href="{{publicAddress}}" id="public-address">{{publicAddress}}</a></dd>{{/publicAddress}}
        </dl>
        {{#sapo}}<p class="sapo">{{sapo}}</p>{{/sapo}}
        {{#paragraphs}}<p>{{.}}</p>
        {{/paragraphs}}
        {{#hasPhotos}}<h2>{{t.photos}}</h2>
        <ul class="photos">{{#photos}}<li>{{filename}}{{#caption}} — {{caption}}{{/caption}}{{#credit}} ({{t.credit}}: {{credit}}){{/credit}}</li>{{/photos}}</ul>{{/hasPhotos}}
        <h2>{{t.notes}}</h2>
        {{^hasNotes}}<p>{{t.noNotes}}</p>{{/hasNotes}}
        {{#notes}}<div class="note{{#mine}} mine{{/mine}}"><p class="meta">{{author}} · {{at}}</p>
        {{#paragraphs}}<p>{{.}}</p>
        {{/paragraphs}}</div>
        {{/notes}}
        {{#answer}}<form method="post" action="{{action}}" class="door">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="form_key" value="{{formKey}}">
        {{#reauth}}<fieldset><legend>{{t.signInHeading}}</legend>
        {{>doorCredentials}}</fieldset>{{/reauth}}
        <p><label for="answer">{{t.answerNote}}</label><textarea id="answer" name="answer" rows="4" cols="60">{{text}}</textarea></p>
        <p><button type="submit" id="send-answer">{{t.sendAnswer}}</button></p>
        </form>{{/answer}}
        {{#resubmit}}<h2>{{t.resubmitHeading}}</h2>
        <form method="post" action="{{action}}" class="door">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="revision" value="{{revision}}">
        {{#reauth}}<fieldset><legend>{{t.signInHeading}}</legend>
        {{>doorCredentials}}</fieldset>{{/reauth}}
        <p><label for="title">{{t.title}}</label><input id="title" name="title" maxlength="{{titleLimit}}" value="{{title}}"></p>
        <p><label for="sapo">{{t.sapo}}</label><textarea id="sapo" name="sapo" rows="3" cols="60">{{sapo}}</textarea></p>
        <p><label for="body">{{t.body}}</label><textarea id="body" name="body" rows="16" cols="60">{{body}}</textarea></p>
        <p><label for="note">{{t.resubmitNote}}</label><input id="note" name="note" maxlength="1000" value="{{note}}"></p>
        <p><button type="submit" id="resubmit">{{t.resubmit}}</button></p>
        </form>{{/resubmit}}
        {{#withdraw}}<form method="post" action="{{action}}" class="door">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="revision" value="{{revision}}">
        <p><small>{{t.withdrawHint}}</small></p>
        <p><button type="submit" class="danger" id="withdraw">{{t.withdraw}}</button></p>
        </form>{{/withdraw}}
        {{/item}}
        {{/main}}
        {{/layout}}
        """

    /// A refusal with nothing to show but why: a form that failed its CSRF check, an item not one's own.
    static let message = """
        {{<layout}}
        {{$title}}{{heading}} – {{t.door}}{{/title}}
        {{$head}}\(head){{/head}}
        {{$main}}
        {{>doorTop}}
        <h1>{{heading}}</h1>
        <p>{{text}}</p>
        <p><a href="\(DoorAddress.root)">{{t.back}}</a></p>
        {{/main}}
        {{/layout}}
        """
}
