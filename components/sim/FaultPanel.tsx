'use client';

import { useId, useMemo, useState } from 'react';
import type { ScenarioBase } from '@/simulator/core/types';
import { inFlight, type World } from '@/simulator/core/world';
import { fill } from '@/lib/sim/fill';
import type { SimLocale, SimStrings } from '@/lib/i18n/sim';
import { knobsFor, knobValue, messageStep, networkFaults, partitionStep, pickable, type FaultOption, type MessageAction } from '@/lib/sim/faults';
import { getPath, pathLabel, type ConfigPatch, type Intervention, type InterventionStep, type ScalarValue } from '@/lib/sim/session';

const btn = 'rounded-md border border-line px-2 py-1 text-xs hover:bg-surface-muted disabled:opacity-50';
const field = 'rounded-md border border-line bg-surface px-2 py-1 text-xs';

/** A human label for a step: the translated action plus its target ("b1: crash (process killed)"). */
export function describeStep(step: InterventionStep, t: SimStrings): string {
  const labels = t.faults.do as Record<string, string>;
  const key = step.do === 'broker.crash' && step.loseUnflushed === true ? 'broker.crash:power' : step.do;
  const what = labels[key] ?? step.do;
  const target = ['broker', 'node', 'consumer', 'producer', 'namesrv'].map((k) => step[k]).find((v) => typeof v === 'string');
  if (step.do === 'net.partition' || step.do === 'net.heal') return `${what} ${fill(t.faults.between, { a: String(step.a), b: String(step.b) })}`;
  if (step.do.startsWith('net.') && step.match && typeof step.match === 'object') {
    const m = step.match as Record<string, string>;
    return `${what}: ${m.type ?? ''} ${m.from ?? ''} → ${m.to ?? ''}${m.message ? ` (${m.message})` : ''}`;
  }
  return target ? `${target}: ${what}` : what;
}

export function FaultPanel({
  t,
  scenario,
  faults,
  world,
  nodes,
  edits,
  onInject,
  onConfigure,
  onUndo,
  onIntent,
}: {
  t: SimStrings;
  locale: SimLocale;
  scenario: ScenarioBase;
  /** The engine faults the scenario accepts (lib/sim/faults engineFaults, computed at build time). */
  faults: FaultOption[];
  world: World<unknown>;
  nodes: string[];
  edits: { patches: ConfigPatch[]; interventions: Intervention[] };
  onInject: (step: InterventionStep) => void;
  onConfigure: (path: ConfigPatch['path'], value: ScalarValue) => void;
  onUndo: (kind: 'patch' | 'intervention' | 'all', index?: number) => void;
  /** The learner is about to edit (pointer over, or focus inside, the panel): a cue to load the validator. */
  onIntent?: () => void;
}) {
  const f = t.faults;
  const uid = useId();
  const options = faults;
  const net = useMemo(() => networkFaults(nodes), [nodes]);
  const knobs = useMemo(() => knobsFor(scenario), [scenario]);
  const wire = inFlight(world);

  const [msgId, setMsgId] = useState('');
  const [linkA, setLinkA] = useState(nodes[0] ?? '');
  const [linkB, setLinkB] = useState(nodes[1] ?? '');
  const [knobIdx, setKnobIdx] = useState(0);
  const knob = knobs[Math.min(knobIdx, knobs.length - 1)];
  const current = knob ? getPath(scenario, knob.path) : undefined;
  const [raw, setRaw] = useState<string | null>(null);
  const value = raw ?? (current === undefined ? '' : String(current));

  const selected = wire.find((m) => m.id === msgId) ?? wire[0];
  const byTarget = new Map<string, FaultOption[]>();
  for (const o of options) byTarget.set(o.target, [...(byTarget.get(o.target) ?? []), o]);
  const label = (o: FaultOption) => (t.faults.do as Record<string, string>)[o.labelKey] ?? o.step.do;
  const act = (a: MessageAction) => selected && onInject(messageStep(selected, a));

  return (
    <section aria-labelledby={`${uid}-title`} className="rounded-md border border-line p-3" data-testid="faults" onPointerEnter={onIntent} onFocus={onIntent}>
      <h3 id={`${uid}-title`} className="text-sm font-semibold">
        {f.title}
      </h3>
      <p className="text-xs text-ink-muted">{f.hint}</p>

      {byTarget.size > 0 && (
        <div className="mt-2">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-ink-muted">
            {f.nodes} / {f.clients}
          </h4>
          <ul className="mt-1 space-y-1">
            {[...byTarget].map(([target, opts]) => (
              <li key={target} className="flex flex-wrap items-center gap-1">
                <span className="w-24 truncate font-mono text-xs" title={target}>
                  {target}
                </span>
                {opts.map((o) => (
                  <button key={o.key} type="button" className={btn} onClick={() => onInject(o.step)} aria-label={`${target}: ${label(o)}`} data-fault={o.key}>
                    {label(o)}
                  </button>
                ))}
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="mt-3">
        <h4 className="text-xs font-semibold uppercase tracking-wide text-ink-muted">{f.network}</h4>
        <div className="mt-1 flex flex-wrap items-center gap-1">
          <label className="text-xs">
            <span className="sr-only">{f.linkA}</span>
            <select className={field} value={linkA} onChange={(e) => setLinkA(e.currentTarget.value)} aria-label={f.linkA}>
              {nodes.map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
          <span aria-hidden="true">↔</span>
          <label className="text-xs">
            <span className="sr-only">{f.linkB}</span>
            <select className={field} value={linkB} onChange={(e) => setLinkB(e.currentTarget.value)} aria-label={f.linkB}>
              {nodes.map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
          <button type="button" className={btn} disabled={linkA === linkB} onClick={() => onInject(partitionStep(linkA, linkB, false))}>
            {f.partition}
          </button>
          <button type="button" className={btn} disabled={linkA === linkB} onClick={() => onInject(partitionStep(linkA, linkB, true))}>
            {f.heal}
          </button>
        </div>
        <div className="mt-1 flex flex-wrap gap-1">
          {net.map((o) => (
            <button key={o.key} type="button" className={btn} onClick={() => onInject(o.step)}>
              {describeStep(o.step, t)}
            </button>
          ))}
        </div>
      </div>

      <div className="mt-3">
        <h4 className="text-xs font-semibold uppercase tracking-wide text-ink-muted">{f.messages}</h4>
        {wire.length === 0 ? (
          <p className="text-xs text-ink-muted">{f.noMessages}</p>
        ) : (
          <div className="mt-1 flex flex-wrap items-center gap-1">
            <select className={`${field} max-w-full`} value={selected?.id ?? ''} onChange={(e) => setMsgId(e.currentTarget.value)} aria-label={f.messages} data-testid="inflight-select">
              {wire.map((m) => {
                const ids = Array.isArray(m.body.messages) ? ` (${(m.body.messages as unknown[]).join(', ')})` : '';
                return (
                  <option key={m.id} value={m.id} disabled={!pickable(wire, m)}>
                    {`${m.body.type} ${m.from} → ${m.to}${ids}${pickable(wire, m) ? '' : ` ${f.ambiguous}`}`}
                  </option>
                );
              })}
            </select>
            <button type="button" className={btn} onClick={() => act('drop')} data-testid="drop-message">
              {f.drop}
            </button>
            <button type="button" className={btn} onClick={() => act('duplicate')}>
              {f.duplicate}
            </button>
            <button type="button" className={btn} onClick={() => act('delay')}>
              {f.delay}
            </button>
          </div>
        )}
      </div>

      {knob && (
        <form
          className="mt-3"
          onSubmit={(e) => {
            e.preventDefault();
            onConfigure(knob.path, knobValue(knob.kind, value));
            setRaw(null);
          }}
        >
          <h4 className="text-xs font-semibold uppercase tracking-wide text-ink-muted">{f.config}</h4>
          <p className="text-xs text-ink-muted">{f.configHint}</p>
          <div className="mt-1 flex flex-wrap items-end gap-1">
            <label className="flex flex-col text-xs">
              {f.knob}
              <select
                className={field}
                value={knobIdx}
                onChange={(e) => {
                  setKnobIdx(Number(e.currentTarget.value));
                  setRaw(null);
                }}
                data-testid="knob-select"
              >
                {knobs.map((k, i) => (
                  <option key={pathLabel(k.path)} value={i}>
                    {`${k.owner} · ${k.name}`}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col text-xs">
              {f.value}
              {knob.kind.type === 'int' ? (
                <input type="number" className={`${field} w-24`} min={knob.kind.min} max={knob.kind.max} value={value} onChange={(e) => setRaw(e.currentTarget.value)} required data-testid="knob-value" />
              ) : (
                <select className={field} value={value} onChange={(e) => setRaw(e.currentTarget.value)} data-testid="knob-value">
                  {current === undefined && <option value="">{f.defaultValue}</option>}
                  {(knob.kind.type === 'bool' ? [true, false] : knob.kind.options).map((o) => (
                    <option key={String(o)} value={String(o)}>
                      {String(o)}
                    </option>
                  ))}
                </select>
              )}
            </label>
            <button type="submit" className={btn} disabled={value === ''} data-testid="knob-apply">
              {f.apply}
            </button>
          </div>
        </form>
      )}

      <div className="mt-3">
        <h4 className="text-xs font-semibold uppercase tracking-wide text-ink-muted">{f.history}</h4>
        {edits.patches.length + edits.interventions.length === 0 ? (
          <p className="text-xs text-ink-muted">{f.noHistory}</p>
        ) : (
          <>
            <ol className="mt-1 space-y-1 text-xs" data-testid="interventions">
              {edits.patches.map((p, i) => {
                const what = `${pathLabel(p.path)} = ${JSON.stringify(p.value)}`;
                return (
                  <li key={`p${i}`} className="flex items-center justify-between gap-2">
                    <span>
                      <span className="font-mono text-ink-muted">{f.configAt}</span> {what}
                    </span>
                    <button type="button" className={btn} onClick={() => onUndo('patch', i)} aria-label={fill(f.undoLabel, { what })}>
                      {f.undo}
                    </button>
                  </li>
                );
              })}
              {edits.interventions.map((iv, i) => {
                const what = describeStep(iv.step, t);
                return (
                  <li key={`i${i}`} className="flex items-center justify-between gap-2" data-at={iv.at}>
                    <span>
                      <span className="font-mono text-ink-muted">{fill(f.atStep, { n: iv.at })}</span> {what}
                    </span>
                    <button type="button" className={btn} onClick={() => onUndo('intervention', i)} aria-label={fill(f.undoLabel, { what })}>
                      {f.undo}
                    </button>
                  </li>
                );
              })}
            </ol>
            <button type="button" className={`${btn} mt-1`} onClick={() => onUndo('all')}>
              {f.reset}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
