/**
 * The brokers stage (Kafka's ReplicaManager on each broker): one BrokerCard per broker, stacked in line with the
 * Sender's and NetworkClient's lanes for that node.
 */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { BrokerReport, PartitionReport } from '../../../model/run/RunSnapshot';
import type { AppState } from '../../../store/AppState';
import { useAppStore } from '../../../store/context';
import type { DiagramLayout } from '../../diagram/layout';
import { StageFrame } from '../../diagram/StageFrame';
import { BrokerCard } from './BrokerCard';

const NO_BROKERS: readonly BrokerReport[] = [];
const NO_PARTITIONS: readonly PartitionReport[] = [];
const selectBrokers = (s: AppState) => ({
  brokers: s.snapshot?.brokers ?? NO_BROKERS,
  partitions: s.snapshot?.partitions ?? NO_PARTITIONS,
  rf: s.snapshot?.settings.replicationFactor ?? 1,
  minIsr: s.snapshot?.settings.effectiveMinInsyncReplicas ?? 1,
});

export const BrokersView = memo(function BrokersView({ layout }: { layout: DiagramLayout }) {
  const { brokers, partitions, rf, minIsr } = useAppStore(useShallow(selectBrokers));
  const span = layout.stages.brokers;
  return (
    <StageFrame
      id="brokers"
      span={span}
      height={layout.height}
      subtitle={`replication.factor=${rf} · min.insync.replicas=${minIsr}`}
    >
      {brokers.map((broker) => {
        const box = layout.brokers[broker.id];
        return box === undefined ? null : (
          <BrokerCard key={broker.id} box={box} broker={broker} partitions={partitions} />
        );
      })}
    </StageFrame>
  );
});
