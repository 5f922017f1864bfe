"""Expected shape of the seed roadmaps in ``roadmaps/``.

Counted by hand from the source documents (the three «дорожные карты» the
seed files were converted from), not from the YAML, so a test can catch an
item lost or duplicated during conversion.  Per file: each section number (as
written in the document) → number of items directly in it; ``"<item>/sub"`` →
number of sub-items of that item; ``"total_items"`` → all items and
sub-items; ``"executors"`` → size of the executors glossary.
"""

SEED_COUNTS = {
    "lysva-2021-2022.yaml": {
        "1": 5,  # 1.1–1.5 (1.5 continues on a split row)
        "2": 10,  # 2.1–2.10
        "3": 4,  # 3.1–3.4
        "total_items": 19,
        # rg, kollegiya, cnmo, uo, zam-vr, gmf, oo, suz, vuz, partners
        "executors": 10,
    },
    "belgorod-2021-2025.yaml": {
        "1.": 1,  # 1.1.
        "2.": 15,  # 2.1.–2.15.
        "3.": 5,  # 3.1.–3.5.
        "4.": 2,  # 4.1.–4.2.
        "5.": 1,  # 5.1.
        "total_items": 24,
        # uo, oo, obr-org, poo, vo, udo, czn, utzn, deo, beliro, rumc, omsu
        "executors": 12,
    },
    "chelyabinsk-2023-2024.yaml": {
        "1": 2,  # 1.1, 1.2
        "2": 2,  # 2.1, 2.2
        "3": 2,  # 3.1, 3.2
        "3.1/sub": 1,  # «Участие в региональном мониторинге …»
        "4": 3,  # 4.1–4.3
        "5": 0,  # only nested sections 5.1–5.3
        "5.1": 3,  # 5.1.1–5.1.3
        "5.2": 8,  # 5.2.1–5.2.8
        "5.2.5/sub": 11,  # «День профессии» … «Формирование базы лучших практик …»
        "5.2.6/sub": 8,  # «МНЕ НУЖНО ЗНАТЬ!» … «Я исследователь»
        "5.3": 1,  # one unnumbered item (the document ends there)
        "total_items": 41,
        # komitet, mbu-dpo-cro, maudo-dpsh, gbu-dpo-rcokio, gbnou-ok-smena,
        # oo, obr-org, bilet-v-budushchee
        "executors": 8,
    },
}
