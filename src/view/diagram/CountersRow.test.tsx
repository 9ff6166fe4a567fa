import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProducerRun } from '../../model/run/ProducerRun';
import { SnapshotBuilder } from '../../model/run/SnapshotBuilder';
import { decodeScenario } from '../../scenario/ScenarioCodec';
import { renderWithStore } from '../testing/renderWithStore';
import { CountersRow } from './CountersRow';
import { formatBytes, formatCount } from './format';

describe('CountersRow', () => {
  it("shows the snapshot's counters, formatted, each under a readable label", () => {
    const run = new ProducerRun(decodeScenario('throughput=5000&keys=10').scenario);
    const builder = new SnapshotBuilder(run);
    run.advanceTo(500);
    const snapshot = builder.build();
    const c = snapshot.counters;
    expect(c.sendCalls).toBeGreaterThan(1000);
    renderWithStore(<CountersRow />, snapshot);
    expect(screen.getByTestId('counter-sent')).toHaveTextContent(formatCount(c.sendCalls));
    expect(screen.getByTestId('counter-sent').textContent).toMatch(/^\d,\d{3}$/);
    expect(screen.getByTestId('counter-acked')).toHaveTextContent(formatCount(c.acked));
    expect(screen.getByTestId('counter-failed')).toHaveTextContent(formatCount(c.failed));
    expect(screen.getByTestId('counter-pending')).toHaveTextContent(formatCount(c.pending));
    expect(screen.getByTestId('counter-bytes')).toHaveTextContent(formatBytes(c.bytesSent));
    expect(screen.getByTestId('counter-batches')).toHaveTextContent(formatCount(c.batchesCreated));
    expect(screen.getByTestId('counter-requests')).toHaveTextContent(formatCount(c.requestsSent));
    expect(screen.getByText('acknowledged')).toBeInTheDocument();
    expect(screen.getByText('bytes sent')).toBeInTheDocument();
  });

  it('shows nothing before the first snapshot', () => {
    const { container } = renderWithStore(<CountersRow />, null);
    expect(container).toBeEmptyDOMElement();
  });
});
