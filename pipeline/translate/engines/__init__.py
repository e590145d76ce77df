"""Translation engines, one module each, named in ``pipeline.registry.ENGINES`` and imported on use.

``base`` holds what the stage and every engine share (the Engine protocol, Hypothesis, Decoding);
``transformers`` runs any hub model on torch; ``ctranslate2`` runs a converted model, torch-free.
"""
