package org.shegong.region;

/** An editor's region field that names no known place, or one that several places share; the message says which. */
public class RegionInputException extends RuntimeException {

    public RegionInputException(String message) {
        super(message);
    }
}
