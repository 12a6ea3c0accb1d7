package org.shegong.topic;

/** The editorial slots of the home page and how many items each shows. */
public enum Slot {
    HEADLINE("头条", 3), PHOTO("图片新闻", 6), RECOMMENDED("推荐阅读", 8);

    private final String label;
    private final int capacity;

    Slot(String label, int capacity) {
        this.label = label;
        this.capacity = capacity;
    }

    public String label() {
        return label;
    }

    public int capacity() {
        return capacity;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static java.util.Optional<Slot> parse(String raw) {
        for (Slot slot : values()) {
            if (slot.code().equals(raw)) {
                return java.util.Optional.of(slot);
            }
        }
        return java.util.Optional.empty();
    }
}
