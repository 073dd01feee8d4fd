"""What a submission carries besides its items: who the finance office may call about it (经办人) and
their telephone, and the comments on either side. The form and ``workflow.submit`` hold both to these."""

import re

from .text import _l

COMMENT_MAX = 2000
CONTACT_MAX, PHONE_MAX = 50, 30
# a telephone as people write it: digits with - ( ) + spaces and an extension (转 or ext.), at least 7 digits
PHONE = re.compile(r"^\+?\(?[0-9][0-9 ()\-]{5,}[0-9](?:\s*(?:转|ext\.?|x)\s*[0-9]{1,6})?$", re.IGNORECASE)

CONTACT_REQUIRED = _l("Say who the finance office may call about this submission.")
PHONE_REQUIRED = _l("Give a telephone number the finance office can call.")
PHONE_MESSAGE = _l("Write a telephone number with its area code, e.g. 0871-63000000 or 13800000000.")
