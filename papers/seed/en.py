"""English texts of the client papers (seeded once; administrators edit them in the admin)."""

LABELS = {
    "client_code": "Client code",
    "date": "Date",
    "client_signature": "Client's signature",
    "staff_signature": "Staff member's signature",
    "staff_name": "Staff member (name)",
    "office_contacts": "Office contacts",
    "phone": "Phone",
    "email": "E-mail",
    "address": "Address",
    "consent_choice": "Tick what you agree to",
    "agree": "Yes",
    "disagree": "No",
    "scope_store_data": "Keep my data so that you can help me and follow my case",
    "scope_share_partners": "Give the partner organisations I am referred to the data they need",
    "scope_share_law_enforcement": "Give my data to law enforcement (police, prosecutor's office)",
    "scope_research": "Use my data without my name (anonymised) for research and reports",
    "where_to_go": "Where to go",
    "opening_hours": "Opening hours",
    "contact": "Contact person",
    "visit_date": "Date of the visit",
    "what_to_bring": "What to bring",
    "name": "Name",
    "bring_passport": "Passport (or another identity document)",
    "bring_migration_card": "Migration card",
    "bring_registration": "Registration document (temporary registration)",
    "bring_work_permit": "Work permit (permit for a labour immigrant)",
    "bring_contract": "Labour contract, if you have one",
    "bring_pay_records": "Records of your pay: pay slips, transfers, messages with the employer",
    "bring_problem_papers": "All papers about your problem (decisions, reports, certificates)",
    "bring_this_slip": "This slip",
}

CONSENT = (
    "Consent to keep and use your personal data",
    """We are {{ organisation }}, {{ office_name }}. We give labour migrants and their families free help: advice on legal and psychological questions, and referrals to organisations that can help. To help you, we need to write down some facts about you. This sheet explains what we keep, why, and who sees it. You decide what you agree to.

# What we keep
- your name, sex, year or date of birth, citizenship and languages;
- how to reach you: phone, messenger, town;
- your migration situation, documents and work — only what your case needs;
- your problem, our consultations and what was done in your case;
- copies of documents you gave us yourself.

# Why
To help you and follow your case without asking the same questions every time. In reports to our funders we show only totals that cannot identify anyone.

# Who sees your data
- the staff of our office who work on your case, and their managers;
- a partner organisation — only if you agree, and only what it needs to help you;
- the police, the prosecutor's office and other law enforcement — only if you gave a separate consent for it;
- only the psychologist sees the psychologist's notes.
Every look at your record is logged. We never sell or publish your data.

# Your rights
At any time you may ask what we keep about you, get a copy, have mistakes corrected and ask us to erase your data. The Law of the Republic of Kazakhstan "On personal data and their protection" gives you these rights.

# How to withdraw your consent
Tell us at any time, in person, by phone or in writing. We note the date and stop giving your data to anyone. Even if you do not agree, or withdraw your consent, we will still give you advice.""",
)

RIGHTS = (
    "Your rights in Kazakhstan as a labour migrant",
    """This sheet tells you briefly about your main rights. Laws change: if in doubt, ask us — our advice is free and confidential.

# Documents
- Your passport belongs to you alone. An employer has no right to take or keep it.
- Register your stay on time where you live and watch the time limits of your stay. We can help you check your dates.
- Keep copies or photos of all your documents apart from the originals.

# Work
- Citizens of Kyrgyzstan (a country of the Eurasian Economic Union) may work on a labour contract without a work permit.
- Citizens of Uzbekistan and Tajikistan need a permit for a labour immigrant; renew it on time and pay for it every month.
- Ask for a written labour contract in a language you understand. Do not sign what you do not understand.
- You must be paid at least the minimum wage, in full and on time, and overtime must be paid extra. You have a right to rest and to days off.
- If you are injured at work, the employer must record the accident officially.

# Health and children
- Emergency and urgent medical care is free for everyone. Call 103.
- Your children may go to school. If a school refuses your child, come to us.

# If the police stop you
- Stay calm and show your documents.
- You may ask for the officer's name and position, ask for an interpreter and contact a lawyer.
- Do not sign a report or statement you do not understand. Ask for a copy.
- You may contact the embassy or consulate of your country.

# Danger and violence
If someone forces you to work, does not let you leave, threatens or beats you, it is a crime. Call 102 (police) or 112, and contact us. Our help is free.

# Where to get help
{{ office_name }}: {{ office_address }}, phone {{ office_phone }}.
Emergency services: 112, police 102, ambulance 103.""",
)

SLIP = (
    "Referral slip",
    """You are expected at the address below. Show this slip when you arrive. The help is free.
If they could not help you, call us: {{ office_phone }}.""",
)

EXPORT = (
    "Your data",
    """This is everything {{ office_name }} keeps about you on the day it was printed. If anything is wrong, tell us and we will correct it. You may ask us to erase your data.""",
)
