package org.shegong.digest;

/** No digest has this id. */
public class DigestNotFoundException extends RuntimeException {

    public DigestNotFoundException(long id) {
        super("没有编号为 " + id + " 的一周动态", null, false, false);
    }
}
