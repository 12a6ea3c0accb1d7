package org.shegong.content.importer;

/** Thrown for an import line that cannot become an article; the message is shown to the operator. */
class ImportRejected extends RuntimeException {

    ImportRejected(String reason) {
        super(reason, null, false, false);
    }
}
