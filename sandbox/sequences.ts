// Sequence membership as API.md describes POST/DELETE/GET /v1/sequences/{id}/contacts:
// adds are idempotent (duplicates, contacts already in and out-of-scope contacts
// are ignored silently), no assignee means round-robin over the workspace's
// active members, removal is a soft delete, and a soft-deleted row added again
// comes back with its old assignee. Sequences outside the key's scope are 404.
import { MEMBERS, SEQUENCES, type SeedMember, type SeedSequence } from './seed';

interface Row {
  contactId: string;
  assignedToWorkspaceMembershipId: string;
  addedAt: string;
  deletedAt: string | null;
}

export class SequenceStore {
  private readonly rows = new Map<string, Map<string, Row>>();
  private readonly roundRobin = new Map<string, number>();

  constructor(
    private readonly isWorkspaceInScope: (workspaceId: string) => boolean,
    private readonly isContactInScope: (contactId: string) => boolean,
  ) {
    this.reset();
  }

  reset(): void {
    this.rows.clear();
    this.roundRobin.clear();
    for (const sequence of SEQUENCES) {
      const rows = new Map<string, Row>();
      sequence.contactIds.forEach((contactId) => {
        const assignee = this.activeMembers(sequence.workspaceId)[0]?.id ?? '';
        rows.set(contactId, { contactId, assignedToWorkspaceMembershipId: assignee, addedAt: '2025-06-01T09:00:00.000Z', deletedAt: null });
      });
      this.rows.set(sequence.id, rows);
    }
  }

  findInScope(id: string): SeedSequence | undefined {
    const sequence = SEQUENCES.find((s) => s.id === id);
    return sequence && this.isWorkspaceInScope(sequence.workspaceId) ? sequence : undefined;
  }

  membersOf(workspaceId: string): readonly SeedMember[] {
    return MEMBERS.filter((m) => m.workspaceId === workspaceId);
  }

  private activeMembers(workspaceId: string): SeedMember[] {
    return MEMBERS.filter((m) => m.workspaceId === workspaceId && m.status === 'ACTIVE');
  }

  /** Current (not soft-deleted) rows, oldest first. */
  list(sequence: SeedSequence): Row[] {
    return [...(this.rows.get(sequence.id)?.values() ?? [])].filter((r) => !r.deletedAt).map((r) => ({ ...r }));
  }

  /** Items already validated; returns how many rows were added or brought back. */
  add(sequence: SeedSequence, items: readonly { contactId: string; assignedToWorkspaceMembershipId?: string }[]): { added: number; ignored: number } {
    const rows = this.rows.get(sequence.id)!;
    let added = 0;
    for (const item of items) {
      if (!this.isContactInScope(item.contactId)) continue;
      const row = rows.get(item.contactId);
      if (row && !row.deletedAt) continue;
      if (row) {
        // Soft-deleted: back with its old assignee.
        row.deletedAt = null;
        row.addedAt = new Date().toISOString();
      } else {
        rows.set(item.contactId, {
          contactId: item.contactId,
          assignedToWorkspaceMembershipId: item.assignedToWorkspaceMembershipId ?? this.nextAssignee(sequence),
          addedAt: new Date().toISOString(),
          deletedAt: null,
        });
      }
      added++;
    }
    return { added, ignored: items.length - added };
  }

  remove(sequence: SeedSequence, contactIds: readonly string[]): { removed: number } {
    const rows = this.rows.get(sequence.id)!;
    let removed = 0;
    for (const id of new Set(contactIds)) {
      const row = rows.get(id);
      if (row && !row.deletedAt) {
        row.deletedAt = new Date().toISOString();
        removed++;
      }
    }
    return { removed };
  }

  private nextAssignee(sequence: SeedSequence): string {
    const active = this.activeMembers(sequence.workspaceId);
    const turn = this.roundRobin.get(sequence.id) ?? 0;
    this.roundRobin.set(sequence.id, turn + 1);
    return active[turn % Math.max(1, active.length)]?.id ?? '';
  }
}
