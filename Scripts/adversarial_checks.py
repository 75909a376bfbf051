"""Schemathesis hooks of the adversarial suite (Scripts/adversarial): `positive_data_acceptance`,
narrowed to what the contract says a schema cannot.

A request the contract's schema allows must be taken (2xx), or meet the item's state (see
Scripts/schemathesis.toml). Some refusals depend on data a schema cannot name: whether a site
or a co-author exists, whether a grading fits the site's rate table, whether a time is still to
come. The contract documents each as a 400 `invalid_field` (or `invalid_cursor`); this check
lets exactly those through, by operation, error code and the field the error names, and fails
every other 400 on schema-valid data like the built-in check (which the suite turns off).
"""
import json
import re

import schemathesis
from schemathesis.openapi.checks import RejectedPositiveData
from schemathesis.specs.openapi.checks import is_unexpected_http_status_case

# (method, path) → the (code, field pattern) a schema-valid request may still be refused with.
DATA_DEPENDENT = {
    # Only a page's next_cursor, with the same sort, is a cursor.
    ("GET", "/api/v1/submissions"): [("invalid_cursor", r"")],
    # `to` before `from`, or a year or more after it.
    ("GET", "/api/v1/reports/activity"): [("invalid_field", r"^from\.\.to")],
    # The site must exist; co-authors be people the contributor may name, once each, under 100
    # together; photos be images.
    ("POST", "/api/v1/submissions"): [("invalid_field", r"^(site|co_authors|attachments\[\d+\]\.data)\b")],
    # What the action needs from the item and the site: a note, a future time, a grading that
    # fits the rate table; fields that belong to an approval only; shares as above.
    ("POST", "/api/v1/submissions/{id}/transitions"): [
        ("invalid_field", r"^(note|publish_at|grading|channels|co_authors|social_message|photos)\b"),
        # Zalo takes a post only with a cover photo and short text: whether the item has a photo.
        ("social_post_refused", r""),
    ],
    # The same for a later change of an approved item's channels.
    ("PUT", "/api/v1/submissions/{id}/social"): [("social_post_refused", r"")],
    # A channel's first settings need an access token; later ones keep the stored one.
    ("PUT", "/api/v1/social/channels/{channel}"): [("invalid_field", r"^access_token\b")],
    # A link is needed when the post is resolved as posted (not when sent again).
    ("POST", "/api/v1/social/posts/{id}/resolve"): [("invalid_field", r"^link\b")],
    # A reply must answer a note of the same submission.
    ("POST", "/api/v1/submissions/{id}/notes"): [("invalid_field", r"^parent_id\b")],
    # A named site must exist; genre codes differ; each range runs from min up to max.
    ("POST", "/api/v1/rate-tables"): [("invalid_field", r"^(site|genres)\b")],
    # A month is closed on a site that exists.
    ("POST", "/api/v1/royalties/batches"): [("invalid_field", r"^site\b")],
    # A corrected grading must fit the rate table that priced the publication.
    ("PUT", "/api/v1/submissions/{id}/grading"): [("invalid_field", r"^grading\b")],
    # Payment details are for someone known on the site; a budget for a site that exists.
    ("PUT", "/api/v1/royalties/payees"): [("invalid_field", r"^(contributor_id|commitment_signed_on)\b")],
    ("PUT", "/api/v1/royalties/budget"): [("invalid_field", r"^site\b")],
}

# As Scripts/schemathesis.toml says; 5xx is not_a_server_error's to report.
ACCEPTED = re.compile(r"^(2\d\d|3\d\d|401|403|404|409|412|422|429|5\d\d)$")


def _refusal(response):
    """The error code and the field it names (the parenthesised detail of message_en)."""
    try:
        error = json.loads(response.content)["error"]
    except (ValueError, KeyError, TypeError):
        return None, ""
    detail = re.search(r"\((.*)\)$", error.get("message_en", ""), re.S)
    return error.get("code"), detail.group(1) if detail else ""


@schemathesis.check
def positive_data_acceptance_in_context(ctx, response, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return None
    # The coverage phase's probes of the server (unexpected methods and the like) are not data.
    if is_unexpected_http_status_case(case):
        return None
    if ACCEPTED.match(str(response.status_code)):
        return None
    if response.status_code == 400:
        code, field = _refusal(response)
        for allowed_code, pattern in DATA_DEPENDENT.get((case.method.upper(), case.path), []):
            if code == allowed_code and re.search(pattern, field):
                return None
    raise RejectedPositiveData(
        operation=case.operation.label,
        message="Valid data should have been accepted: the contract allows this request, and names no refusal for it",
        status_code=response.status_code,
        allowed_statuses=["2xx", "3xx", "401", "403", "404", "409", "412", "422", "429"],
    )
