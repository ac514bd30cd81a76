import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';

/**
 * The entities of the application against the schema its migrations build, as `mvn migrate:check` compares
 * them, and a button that writes the migration, as `mvn migrate:autogenerate` does.
 */
export class QwcMigrateDiff extends LitElement {
    jsonRpc = new JsonRpc(this);

    static styles = css`
        .bar { display: flex; gap: 0.5em; align-items: center; padding: 0.5em 0; }
        .bar input { flex: 1; padding: 0.3em; }
        pre { white-space: pre-wrap; font-size: small; }
        .failed { color: var(--lumo-error-text-color); }
    `;

    static properties = {
        _report: { state: true },
        _busy: { state: true },
        _message: { state: true },
    };

    constructor() {
        super();
        this._report = null;
        this._busy = false;
        this._message = '';
    }

    connectedCallback() {
        super.connectedCallback();
        this._check();
    }

    _check() {
        this._busy = true;
        this.jsonRpc.check().then(response => {
            this._report = response.result;
            this._busy = false;
        });
    }

    _write() {
        this._busy = true;
        this.jsonRpc.write({ message: this._message }).then(response => {
            this._report = response.result;
            this._busy = false;
        });
    }

    render() {
        const report = this._report;
        return html`
            <div class="bar">
                <vaadin-button @click=${() => this._check()} ?disabled=${this._busy}>Compare again</vaadin-button>
                <input placeholder="Message of the migration" .value=${this._message}
                       @input=${e => this._message = e.target.value}>
                <vaadin-button theme="primary" @click=${() => this._write()} ?disabled=${this._busy}>
                    Write the migration</vaadin-button>
            </div>
            ${this._busy ? html`<p>Comparing...</p>` : ''}
            ${report ? html`
                ${report.written.length > 0
                    ? html`<p>Wrote ${report.written.join(', ')}.</p>`
                    : report.differences.length > 0
                        ? html`<ul>${report.differences.map(d => html`<li>${d}</li>`)}</ul>`
                        : report.failed ? '' : html`<p>No differences: the entities match the schema at head.</p>`}
                <pre class=${report.failed && report.differences.length === 0 ? 'failed' : ''}>${report.text}</pre>
            ` : ''}
        `;
    }
}
customElements.define('qwc-migrate-diff', QwcMigrateDiff);
