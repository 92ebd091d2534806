'use client';

import { useEffect, useRef, useState } from 'react';
import { GenericView } from './GenericView';
import type { DrawView, ViewProps } from './types';

/** Widths are rounded down to this step, so a resize re-lays out the drawing only every few pixels. */
const WIDTH_STEP = 8;

/**
 * Draws the scenario with its system's view (`draw`, from the system's chunk, see components/sim/systems) at the
 * panel's measured width: the views lay out in
 * CSS pixels at that width (text sizes are real sizes, the drawing fills the panel and its height follows the
 * content). Below a view's minimum width the drawing keeps that width and the frame scrolls sideways.
 * Each view first checks that `w.d` has the shape its model.ts documents (a cheap structural guard), so an engine
 * whose model changed shape falls back to the generic table instead of crashing the page.
 */
export function SystemView({ draw, ...props }: ViewProps & { nodes: string[]; draw: DrawView }) {
  const ref = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState<number | undefined>(undefined);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const update = () => setMeasured(Math.max(WIDTH_STEP, Math.floor(el.clientWidth / WIDTH_STEP) * WIDTH_STEP));
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const p = { ...props, width: props.width ?? measured };
  const view = draw(p) ?? <GenericView {...p} />;
  return (
    <div ref={ref} className="overflow-x-auto overscroll-x-contain" data-testid="view-frame" data-width={measured}>
      {view}
    </div>
  );
}
