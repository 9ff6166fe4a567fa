/**
 * "Copy link": the URL holds the whole scenario, so copying it shares the run. Uses the clipboard when the browser
 * allows it; otherwise shows the link in a read-only field, selected, for the person to copy.
 */
import { useEffect, useRef, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'manual';

export function CopyLinkButton() {
  const [state, setState] = useState<CopyState>('idle');
  const [href, setHref] = useState('');
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state === 'manual') field.current?.select();
  }, [state]);

  const copy = async () => {
    const link = window.location.href;
    setHref(link);
    try {
      if (navigator.clipboard === undefined) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setState('copied');
    } catch {
      setState('manual');
    }
  };

  return (
    <div className="header-field">
      <button type="button" onClick={copy}>
        Copy link
      </button>
      {state === 'manual' ? (
        <input
          ref={field}
          type="text"
          readOnly
          aria-label="link to this scenario"
          value={href}
          size={40}
        />
      ) : null}
      <span role="status" className="muted">
        {state === 'copied' ? 'Link copied' : state === 'manual' ? 'Copy the selected link' : ''}
      </span>
    </div>
  );
}
