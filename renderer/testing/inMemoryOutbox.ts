// The outbox, budget and message templates of the renderer's test double (InMemoryRapportApi):
// actions are stored, listed newest first, retried and cancelled the way core's handlers do, and
// the budget refuses an action once it is spent. Kept apart so the double's file stays small.
import { RapportError } from '../../shared/api/errors';
import type { MethodInput, MethodResult } from '../../shared/api/contract';
import type { Account, ActionBudget, OutboxAction } from '../../shared/domain';
import { NETWORK_ACTIONS, networkActs } from '../../shared/networkActions';
import type { MessageTemplate } from '../../shared/triageTypes';

const BASE_TIME = Date.parse('2026-01-01T00:00:00Z');
/** Core's default daily budget on every network that acts (see networkActionPolicy). */
const DEFAULT_DAILY_ACTIONS = 100;

function maxLimitOf(account: Account): number {
  return networkActs(account.network) ? DEFAULT_DAILY_ACTIONS : 0;
}

export class InMemoryOutbox {
  actions: OutboxAction[] = [];
  templates: MessageTemplate[] = [];
  /** Daily limit per account, when lowered. */
  limits = new Map<number, number>();
  /** Actions counted against today's budget, per account (preset to test a spent budget). */
  used = new Map<number, number>();
  private nextId = 1;

  budget(account: Account): ActionBudget {
    const maxLimit = maxLimitOf(account);
    const used = this.used.get(account.id) ?? 0;
    return {
      network: account.network,
      limit: this.limits.get(account.id) ?? maxLimit,
      maxLimit,
      used,
      resetsAt: used > 0 ? new Date(BASE_TIME + 86_400_000).toISOString() : null,
    };
  }

  setBudget(account: Account, limit: number): ActionBudget {
    const maxLimit = maxLimitOf(account);
    if (limit > maxLimit) throw new RapportError('INVALID_INPUT', `The daily limit cannot be above ${maxLimit}.`);
    this.limits.set(account.id, limit);
    return this.budget(account);
  }

  send(account: Account, input: MethodInput<'sendMessage'>): OutboxAction {
    if (!NETWORK_ACTIONS[account.network].canDm) throw new RapportError('CONFLICT', `Rapport cannot send messages on ${account.network}.`);
    const budget = this.budget(account);
    if (budget.used >= budget.limit) throw new RapportError('BUDGET_EXCEEDED', `Today's ${budget.limit} actions are used up; more tomorrow.`);
    this.used.set(account.id, budget.used + 1);
    const at = new Date(BASE_TIME + this.nextId * 1000).toISOString();
    const action: OutboxAction = {
      id: this.nextId++,
      accountId: account.id,
      personId: input.personId,
      kind: 'dm',
      status: 'queued',
      attempts: 0,
      text: input.text.trim(),
      createdAt: at,
      updatedAt: at,
      sentAt: null,
      nextAttemptAt: null,
    };
    this.actions = [action, ...this.actions];
    return action;
  }

  /** Adds an action in any state (a failed follow, a sent message) for a test to start from. */
  seed(action: Omit<OutboxAction, 'id'>): OutboxAction {
    const stored = { ...action, id: this.nextId++ };
    this.actions = [stored, ...this.actions];
    return stored;
  }

  list(input: MethodInput<'listActions'>): OutboxAction[] {
    return this.actions.filter((a) => a.accountId === input.accountId && (input.personId === undefined || a.personId === input.personId));
  }

  retry(input: MethodInput<'retryAction'>): OutboxAction {
    const action = this.require(input.actionId);
    if (action.status === 'done') throw new RapportError('CONFLICT', 'That action is already done.');
    const { error: _error, ...rest } = action;
    return this.replace({ ...rest, status: 'queued', nextAttemptAt: null });
  }

  cancel(input: MethodInput<'cancelAction'>): MethodResult<'cancelAction'> {
    const action = this.require(input.actionId);
    if (action.status !== 'queued') throw new RapportError('CONFLICT', 'Only an action that is still waiting can be cancelled.');
    this.actions = this.actions.filter((a) => a.id !== action.id);
    return { cancelled: true };
  }

  saveTemplate(input: MethodInput<'saveTemplate'>): MessageTemplate {
    const template: MessageTemplate = { id: input.id ?? this.nextId++, name: input.name.trim(), body: input.body.trim(), updatedAt: new Date(BASE_TIME).toISOString() };
    this.templates = [...this.templates.filter((t) => t.id !== template.id), template];
    return template;
  }

  deleteTemplate(input: MethodInput<'deleteTemplate'>): MethodResult<'deleteTemplate'> {
    if (!this.templates.some((t) => t.id === input.templateId)) throw new RapportError('NOT_FOUND', 'That template does not exist any more.');
    this.templates = this.templates.filter((t) => t.id !== input.templateId);
    return { deleted: true };
  }

  private require(actionId: number): OutboxAction {
    const action = this.actions.find((a) => a.id === actionId);
    if (!action) throw new RapportError('NOT_FOUND', 'That action does not exist any more.');
    return action;
  }

  private replace(action: OutboxAction): OutboxAction {
    this.actions = this.actions.map((a) => (a.id === action.id ? action : a));
    return action;
  }
}
