"""Our own English texts for calibrating the easy-read measure (guide/language/en/readability.py): the Wroclaw
guide's introduction, place and service descriptions in English (standard), and its easy-read texts in English."""

STANDARD = [
    "The Municipal Social Welfare Centre helps residents who find themselves in a difficult situation. We pay "
    "benefits, for example housing benefit, attendance allowance and the permanent allowance. Social workers give "
    "advice and help with official matters and with looking for work. For people with disabilities we fund "
    "equipment from the State Fund for the Rehabilitation of Disabled People, issue disability certificates and "
    "parking cards, and organise personal assistance and workshops. People experiencing domestic violence can count "
    "on the help of the centre and of the Crisis Intervention Centre, which provides shelter as well as "
    "psychological and legal support.",
    "The head office of the centre. The Customer Service Office, the cash desks and the departments for family "
    "benefits and housing benefits are located here.",
    "Local social work team: social workers help residents who are in a difficult situation in their lives.",
    "The Customer Service Office in the Grafit Business Centre, on the ground floor. This is where we issue the "
    "Large Family Card and the Family Plus Card.",
    "Information, acceptance of applications and letters, and assistance with completing documents.",
    "Applications for a disability certificate are submitted here; the assessment board then invites the applicant "
    "to a meeting with physicians, after which the decision is delivered by post.",
    "Family benefits, payments from the maintenance fund and the one-off childbirth allowance.",
]

EASY = [
    "The centre helps people with difficult things. The centre pays money to people in need. A social worker "
    "gives advice. A social worker helps you at the office. We also help disabled people. We give money for things "
    "you need, for example a wheelchair.",
    "This is the main office. You can ask for money here. You can get money at the cash desk. You can ask "
    "questions here and get help.",
    "This is a social work office. A social worker works here. The social worker helps you with hard things. The "
    "social worker can also come to your home.",
    "This office gives out cards for families. The office is on the ground floor.",
    "You can ask about anything here. You can hand in forms and letters. Someone will help you fill in a form.",
    "This guide is about the offices of the centre. Each office has its own chapter. We tell you the way to the "
    "office. We tell you what is inside the building.",
    "A ramp is a way up with no steps. You can go up a ramp in a wheelchair.",
]
