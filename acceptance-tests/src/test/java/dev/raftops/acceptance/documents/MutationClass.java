package dev.raftops.acceptance.documents;

import java.util.Locale;

/** The classes of bad documents, after the Acto study (SOSP 2023) and the list. */
enum MutationClass {
    WRONG_TYPE,
    OUT_OF_RANGE,
    HUGE_NUMBER,
    LONG_STRING,
    NON_ASCII,
    NULL,
    REMOVED_REQUIRED,
    CONTRADICTION,
    STATUS_EDIT;

    String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
