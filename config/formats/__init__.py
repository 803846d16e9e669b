"""Project format modules (settings.FORMAT_MODULE_PATH), overriding Django's own per-locale formats."""
