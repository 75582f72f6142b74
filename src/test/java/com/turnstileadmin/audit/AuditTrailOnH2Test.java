package com.turnstileadmin.audit;

/**
 * The audit store on H2, the default database (in memory here, in files under ./data in
 * the app).
 */
class AuditTrailOnH2Test extends AuditTrailContract {

}
