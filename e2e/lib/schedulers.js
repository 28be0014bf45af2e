'use strict';
// The two ways n8n 2.x runs polling triggers, each tested with every trigger example: its defaults
// (in-memory cron, the trigger's state in the workflow's static data) and the durable scheduler
// (scheduled tasks in the database, the trigger's state as a durable cursor committed with the
// execution, at-least-once delivery).
const DURABLE_SCHEDULER_ENV = {
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
};

const SCHEDULERS = {
	defaults: { name: 'defaults', label: '', durable: false, env: {} },
	durable: { name: 'durable scheduler', label: ' [durable scheduler]', durable: true, env: DURABLE_SCHEDULER_ENV },
};

module.exports = { SCHEDULERS, DURABLE_SCHEDULER_ENV };
