from enum import StrEnum


class FlowActionType(StrEnum):
    AI_SUMMARY = "ai_summary"
    AI_TALK = "ai_talk"
    AI_TASK = "ai_task"
    AMD = "amd"
    ANSWER = "answer"
    BEEP = "beep"
    BLOCK = "block"
    BRANCH = "branch"
    CALL = "call"
    CASE_CREATE = "case_create"
    CONDITION_CALL_DIGITS = "condition_call_digits"
    CONDITION_CALL_STATUS = "condition_call_status"
    CONDITION_DATETIME = "condition_datetime"
    CONDITION_VARIABLE = "condition_variable"
    CONFBRIDGE_JOIN = "confbridge_join"
    CONFERENCE_JOIN = "conference_join"
    CONNECT = "connect"
    CONVERSATION_SEND = "conversation_send"
    DIGITS_RECEIVE = "digits_receive"
    DIGITS_SEND = "digits_send"
    ECHO = "echo"
    EMAIL_SEND = "email_send"
    EXTERNAL_MEDIA_START = "external_media_start"
    EXTERNAL_MEDIA_STOP = "external_media_stop"
    FETCH = "fetch"
    FETCH_FLOW = "fetch_flow"
    GOTO = "goto"
    HANGUP = "hangup"
    MESSAGE_SEND = "message_send"
    MUTE = "mute"
    PLAY = "play"
    QUEUE_JOIN = "queue_join"
    RECORDING_START = "recording_start"
    RECORDING_STOP = "recording_stop"
    SLEEP = "sleep"
    STOP = "stop"
    STREAM_ECHO = "stream_echo"
    TALK = "talk"
    TRANSCRIBE_RECORDING = "transcribe_recording"
    TRANSCRIBE_START = "transcribe_start"
    TRANSCRIBE_STOP = "transcribe_stop"
    VARIABLE_SET = "variable_set"
    WEBHOOK_SEND = "webhook_send"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "FlowActionType | None":
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
    def _from_value(cls, value: str) -> "FlowActionType":
        """`FlowActionType(value)`, with a dict lookup first for the known values (faster).

        Same result and same errors as the call for any input (from_dict passes raw JSON values).
        """
        if type(value) is str:
            member = _MEMBERS_BY_VALUE.get(value)
            if member is not None:
                return member
        return cls(value)


_MEMBERS_BY_VALUE: dict[str, FlowActionType] = {member.value: member for member in FlowActionType}
