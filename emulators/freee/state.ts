// What the freee emulator knows: the webhook configuration (receiver URL and verification
// token) and every delivery it made. Reset empties it.

import type { FreeeWebhookConfig, RecordedDelivery } from './webhook-event';

export class FreeeState {
  webhookConfig: FreeeWebhookConfig | undefined;
  private deliveries: RecordedDelivery[] = [];

  recordDelivery(delivery: RecordedDelivery): void {
    this.deliveries.push(delivery);
  }

  listDeliveries(): RecordedDelivery[] {
    return [...this.deliveries];
  }

  reset(): void {
    this.webhookConfig = undefined;
    this.deliveries = [];
  }
}
