package org.shegong.engage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 互动交流 ({@code shegong.interact.*}).
 *
 * @param overdueDays            a pending question older than this many days is highlighted in the queue
 * @param perAddressPerHour      questions one client address may send per hour
 * @param perContactPerDay       questions sent with one contact (email or phone) per 24 hours
 */
@ConfigurationProperties("shegong.interact")
public record InteractProperties(Integer overdueDays, Integer perAddressPerHour, Integer perContactPerDay) {

    public InteractProperties {
        overdueDays = overdueDays == null || overdueDays < 1 ? 5 : overdueDays;
        perAddressPerHour = perAddressPerHour == null || perAddressPerHour < 1 ? 5 : perAddressPerHour;
        perContactPerDay = perContactPerDay == null || perContactPerDay < 1 ? 3 : perContactPerDay;
    }
}
