package com.turnstileadmin.account;

/**
 * A configuration setting that stops start-up; the message names the setting and never
 * its secret value.
 */
public class InvalidSettingException extends RuntimeException {

    private final String setting;

    public InvalidSettingException(String setting, String problem) {
        super(setting + " " + problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

}
