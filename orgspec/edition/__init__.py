"""What a published edition shows: the redaction of the public edition and the names in its language.

`publish` is the one step every command takes before it renders or prints
organisation content; nothing downstream knows about editions or languages.
"""

from orgspec.edition.language import localise
from orgspec.edition.redact import chosen_edition, redact
from orgspec.link.organisation import Organisation
from orgspec.model.types import Edition


def publish(organisation: Organisation, edition: Edition) -> Organisation:
    """The organisation as ``edition`` shows it, in its language."""
    return localise(redact(organisation, edition))


__all__ = ["chosen_edition", "localise", "publish", "redact"]
