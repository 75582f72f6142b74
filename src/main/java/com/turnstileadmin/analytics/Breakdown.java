package com.turnstileadmin.analytics;

/** The dimensions a query can list the top values of, next to the counts over time. */
public enum Breakdown {

    HOSTNAME("hostname"), ACTION("action"), COUNTRY("clientCountryName"), BROWSER("browserName"), ASN("asn");

    private final String dimension;

    Breakdown(String dimension) {
        this.dimension = dimension;
    }

    /** The dimension's name, e.g. {@code clientCountryName}. */
    public String dimension() {
        return dimension;
    }

}
