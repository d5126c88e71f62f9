import { JsonPipe } from '@angular/common';
import { Component, inject, signal } from '@angular/core';
import type { LivenessError, ResultPayload } from '@open-liveness/plugin';
import { OzLivenessService } from './oz-liveness.service';

@Component({
  selector: 'app-root',
  imports: [JsonPipe],
  providers: [OzLivenessService],
  template: `
    <main>
      <h1>open-liveness · Angular</h1>
      <button type="button" [disabled]="liveness.running()" (click)="start()">Start liveness check</button>
      <ol>
        @for (name of events(); track $index) {
          <li [attr.data-event]="name">{{ name }}</li>
        }
      </ol>
      @if (error(); as e) {
        <p [attr.data-error]="e.code">{{ e.message }}</p>
      }
      @if (verdict(); as v) {
        <pre data-verdict>{{ v | json }}</pre>
      }
    </main>
  `,
})
export class AppComponent {
  protected readonly liveness = inject(OzLivenessService);
  protected readonly events = signal<string[]>([]);
  protected readonly verdict = signal<ResultPayload | null>(null);
  protected readonly error = signal<LivenessError | null>(null);

  protected start(): void {
    const record = (name: string) => this.events.update((list) => [...list, name]);
    this.events.set([]);
    this.verdict.set(null);
    this.error.set(null);
    this.liveness.open({
      action: ['video_selfie_blank'],
      // The id your backend will look the verdict up by.
      meta: { transaction_id: crypto.randomUUID() },
      on_capture_complete: () => record('on_capture_complete'),
      on_submit: () => record('on_submit'),
      on_complete: (result) => {
        this.verdict.set(result);
        record('on_complete');
      },
      on_error: (e) => {
        this.error.set(e);
        record('on_error');
      },
      on_close: () => record('on_close'),
    });
  }
}
