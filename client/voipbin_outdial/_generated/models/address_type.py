from enum import StrEnum


class AddressType(StrEnum):
    AGENT = "agent"
    AI = "ai"
    AI_TEAM = "ai_team"
    CONFERENCE = "conference"
    EMAIL = "email"
    EMPTY = ""
    EXTENSION = "extension"
    LINE = "line"
    SIP = "sip"
    TEL = "tel"
    WEBCHAT = "webchat"
    WEB_SESSION = "web_session"
    WHATSAPP = "whatsapp"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "AddressType | None":
        """Keep a value this client does not know yet (VoIPBIN adds values over time).

        The result is a pseudo-member: it equals the raw string and round-trips through to_dict.
        """
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member
