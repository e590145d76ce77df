"""Models from the Hugging Face hub: finding, pulling, converting, and the markers recorded next to them.

``resolve`` finds a model (local directory, models/, the hub cache, a download) and its conversion;
``download`` talks to the hub; ``store`` is ``bilingual models pull/list/remove``; ``convert`` is
``bilingual models convert``; ``markers`` reads and writes what is recorded next to a model.
"""
