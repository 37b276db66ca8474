"""Every name the meetings feature uses: action ids, flow names, hooks, answers and group settings."""

from enum import StrEnum

SCHEDULE_FLOW = "meeting"
MINUTES_FLOW = "meeting_minutes"
ANNOUNCED = "meeting.announced"

REMINDER_DAYS_SETTING = "meeting_reminder_days"
GOAL_SETTING = "meeting_goal"
DEFAULT_REMINDER_DAYS = (7, 1)
DEFAULT_GOAL = 4
DEFAULT_LENGTH_MINUTES = 120
MAX_REMINDER_DAYS = 60


class MeetingAction(StrEnum):
    """The buttons on the bot's meeting messages; values carry the meeting id."""

    RSVP_YES = "meeting.rsvp_yes"
    RSVP_NO = "meeting.rsvp_no"
    RSVP_DEPUTY = "meeting.rsvp_deputy"
    MOVE_PICK = "meeting.move_pick"
    CANCEL_CONFIRM = "meeting.cancel_confirm"
    CANCEL_KEEP = "meeting.cancel_keep"
    MINUTES_START = "meeting.minutes_start"


class Answer(StrEnum):
    """What a member answers to a meeting."""

    KOMMER = "kommer"
    KOMMER_INTE = "kommer_inte"
    ERSATTARE = "ersattare"


ANSWER_OF_ACTION = {
    MeetingAction.RSVP_YES: Answer.KOMMER,
    MeetingAction.RSVP_NO: Answer.KOMMER_INTE,
    MeetingAction.RSVP_DEPUTY: Answer.ERSATTARE,
}
ATTENDING = (Answer.KOMMER, Answer.ERSATTARE)
