import { useEffect, useRef } from 'react';
import type { AutoPlanPreview, PlanView } from '@rt/contracts';
import { AutoPlanProposal } from './AutoPlanProposal';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * The auto-plan proposal in a modal dialog over the page (header, scrolling body, footer with Apply in view): focus
 * starts on Cancel (Enter never applies by accident), Tab and Shift+Tab stay inside, Escape closes it wherever
 * focus is. The page puts focus back where it belongs when the dialog closes.
 */
export function AutoPlanDialog({ preview, view, onApply, onCancel }: { preview: AutoPlanPreview; view: PlanView; onApply: () => void; onCancel: () => void }) {
  const dialog = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const latestCancel = useRef(onCancel);
  latestCancel.current = onCancel;
  useEffect(() => {
    cancel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      const box = dialog.current;
      if (!box) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        latestCancel.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = [...box.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      const active = document.activeElement;
      const inside = active instanceof Node && box.contains(active);
      if (e.shiftKey && (!inside || active === first)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (!inside || active === last)) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="sp-backdrop">
      <div ref={dialog} role="dialog" aria-modal="true" aria-labelledby="sp-autoplan-title" className="sp-dialog">
        <AutoPlanProposal data={{ preview, sprints: view.sprints.map((s) => ({ id: s.id, name: s.name })) }} onApply={onApply} onCancel={onCancel} cancelRef={cancel} />
      </div>
    </div>
  );
}
