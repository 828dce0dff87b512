from enum import StrEnum


class CampaigncallResult(StrEnum):
    EMPTY = ""
    FAIL = "fail"
    SUCCESS = "success"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "CampaigncallResult | None":
        """Keep a value this client does not know yet (VoIPBIN adds values over time).

        The result is a pseudo-member: it equals the raw string and round-trips through to_dict.
        """
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

    @classmethod
    def _from_value(cls, value: str) -> "CampaigncallResult":
        """`CampaigncallResult(value)`, with a dict lookup first for the known values (faster).

        Same result and same errors as the call for any input (from_dict passes raw JSON values).
        """
        if type(value) is str:
            member = _MEMBERS_BY_VALUE.get(value)
            if member is not None:
                return member
        return cls(value)


_MEMBERS_BY_VALUE: dict[str, CampaigncallResult] = {member.value: member for member in CampaigncallResult}
