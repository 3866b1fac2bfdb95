// Report and registry rows checked against the audit, both ways, and every sheet against its
// anchor: rows deleted, replayed (an older sealed copy pasted back), duplicated, missing from the
// audit, or left by a call cut short; a truncated or replaced audit; forged reminder-ledger rows.
// Pure: works on rows already read (no spreadsheet calls of its own).
import { integrityMessages as say, sheetNames, storedStateLabels } from '../../domain/messages';
import { monthsInWords } from '../../domain/period';
import type { ReportState } from '../../domain/schemas/report';
import type { Anchors } from '../storage/anchors';
import { auditRefs, type AuditRow } from '../storage/auditSheet';
import type { LedgerEntry } from '../storage/ledgerSheet';
import type { RegistryEntry } from '../storage/registrySheet';
import type { StoredReport } from '../storage/reportsSheet';

export interface CrossCheckInput {
  reports: readonly StoredReport[];
  /** The last data row's position (row − 1) of each sheet as read now, 0 when empty. */
  lastPositions: { reports: number; registry: number; ledger: number };
  registry: readonly RegistryEntry[];
  audit: { rows: readonly AuditRow[]; brokenAtRow: number | null };
  ledger: readonly LedgerEntry[];
  /** null: document properties unavailable here (the checks by anchor are skipped). */
  anchors: Anchors | null;
}

const month = monthsInWords;

const stateLabel = (state: string): string => storedStateLabels[state as ReportState] ?? state;

/** The audit against its anchor: Russian lines, and whether the audit can be trusted as the reference. */
function checkAudit(x: CrossCheckInput): { lines: string[]; sound: boolean } {
  const anchor = x.anchors?.audit;
  const lines: string[] = [];
  if (anchor && anchor.rows > x.audit.rows.length) lines.push(say.auditTruncated(anchor.rows, x.audit.rows.length));
  else if (anchor && anchor.rows > 0 && x.audit.rows[anchor.rows - 1]!.hash !== anchor.hash)
    lines.push(say.auditReplaced(anchor.rows + 1));
  return { lines, sound: lines.length === 0 && x.audit.brokenAtRow === null };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Report rows against the audit's latest entry for each version (orgId|period|version). */
function checkReports(x: CrossCheckInput, auditSound: boolean): string[] {
  const expected = new Map<string, { seq: number; state: string; orgId: string; period: string; version: number }>();
  for (const r of x.audit.rows) {
    const ref = auditRefs.parseReport(r.ref);
    if (ref) expected.set(`${r.orgId}|${r.period}|${ref.version}`, { ...ref, orgId: r.orgId, period: r.period });
  }
  const lines: string[] = [];
  const rows = groupBy(x.reports, (r) => `${r.orgId}|${r.period}|${r.version}`);
  for (const [line, versions] of rows) {
    const first = versions[0]!;
    if (versions.length > 1)
      lines.push(
        say.reportDuplicated(
          versions.map((v) => v.row),
          first.orgId,
          month(first.period),
          first.version,
        ),
      );
    const exp = expected.get(line);
    for (const r of versions) {
      if (r.handEdited || (r.seq === 0 && !exp) || r.seq === exp?.seq) continue;
      if (exp && r.seq < exp.seq)
        lines.push(say.reportReplayed(r.row, r.orgId, month(r.period), r.version, stateLabel(exp.state)));
      else
        lines.push(
          (auditSound ? say.reportInterrupted : say.reportUnaudited)(r.row, r.orgId, month(r.period), r.version),
        );
    }
  }
  for (const [line, exp] of expected) {
    if (!rows.has(line))
      lines.push(say.reportDeleted(exp.orgId, month(exp.period), exp.version, stateLabel(exp.state)));
  }
  return lines;
}

/** Registry rows against the audit's latest entry for each organisation. */
function checkRegistry(x: CrossCheckInput, auditSound: boolean): string[] {
  const expected = new Map<string, number>();
  for (const r of x.audit.rows) {
    const seq = auditRefs.parseRegistry(r.ref);
    if (seq !== null) expected.set(r.orgId, seq);
  }
  const lines: string[] = [];
  const rows = groupBy(x.registry, (e) => e.organisation.id);
  for (const [orgId, entries] of rows) {
    if (entries.length > 1)
      lines.push(
        say.registryDuplicated(
          entries.map((e) => e.row),
          orgId,
        ),
      );
    const exp = expected.get(orgId);
    for (const e of entries) {
      if (e.handEdited || (e.seq === 0 && exp === undefined) || e.seq === exp) continue;
      if (exp !== undefined && e.seq < exp) lines.push(say.registryReplayed(e.row, orgId));
      else lines.push((auditSound ? say.registryInterrupted : say.registryUnaudited)(e.row, orgId));
    }
  }
  for (const orgId of expected.keys()) if (!rows.has(orgId)) lines.push(say.registryDeleted(orgId));
  return lines;
}

/** Sheets holding fewer rows than the add-on wrote. */
function checkRowCounts(x: Pick<CrossCheckInput, 'anchors' | 'lastPositions'>): string[] {
  const names = { reports: sheetNames.reports, registry: sheetNames.registry, ledger: sheetNames.ledger } as const;
  return (Object.keys(names) as (keyof typeof names)[])
    .filter((sheet) => (x.anchors?.[sheet]?.rows ?? 0) > x.lastPositions[sheet])
    .map((sheet) => say.rowsMissing(names[sheet], x.anchors![sheet]!.rows, x.lastPositions[sheet]));
}

/**
 * The part of the check that needs no rows, only each sheet's last row against its anchor: rows
 * deleted from the reports, registry or ledger, and a truncated audit (the summary's share).
 * @param auditRows the audit's last data row's position (row − 1) as it is now
 */
export function anchorCheck(x: Pick<CrossCheckInput, 'anchors' | 'lastPositions'>, auditRows: number): string[] {
  const anchor = x.anchors?.audit;
  return [
    ...(anchor && anchor.rows > auditRows ? [say.auditTruncated(anchor.rows, auditRows)] : []),
    ...checkRowCounts(x),
  ];
}

/** Every finding beyond edits inside a row, in Russian, naming organisation and month. */
export function crossCheck(x: CrossCheckInput): string[] {
  const audit = checkAudit(x);
  return [
    ...audit.lines,
    ...checkRowCounts(x),
    ...checkReports(x, audit.sound),
    ...checkRegistry(x, audit.sound),
    ...x.ledger.filter((e) => !e.sealed).map((e) => say.ledgerForged(e.row, e.orgId, month(e.period))),
  ];
}
