import type { Entry } from '../ledger/entries.js';
import type { IncomeRecord } from '../ledger/income.js';
import type { Statement } from '../ledger/statement.js';
/**
 * The ledger as ValueFlows (REA) economic events, in JSON-LD (docs/valueflows.md): each active work
 * entry is an EconomicEvent with action `work` from the member to the cooperative, its effort in
 * hours; each income a `transfer` from the client to the cooperative; each payout of a distribution
 * a `transfer` from the cooperative to the member. The context is embedded, so a JSON-LD processor
 * needs nothing from the network to read it. Pure: the same ledger gives the same document.
 */
/** The embedded context: ValueFlows terms, OM 2 units and measures, FOAF agents. */
export declare const VALUEFLOWS_CONTEXT: {
    readonly vf: "https://w3id.org/valueflows/ont/vf#";
    readonly om2: "http://www.ontology-of-units-of-measure.org/resource/om-2/";
    readonly foaf: "http://xmlns.com/foaf/0.1/";
    readonly xsd: "http://www.w3.org/2001/XMLSchema#";
    readonly EconomicEvent: "vf:EconomicEvent";
    readonly Measure: "om2:Measure";
    readonly Person: "foaf:Person";
    readonly Organization: "foaf:Organization";
    readonly name: "foaf:name";
    readonly action: {
        readonly '@id': "vf:action";
        readonly '@type': "@id";
    };
    readonly provider: {
        readonly '@id': "vf:provider";
        readonly '@type': "@id";
    };
    readonly receiver: {
        readonly '@id': "vf:receiver";
        readonly '@type': "@id";
    };
    readonly inScopeOf: {
        readonly '@id': "vf:inScopeOf";
        readonly '@type': "@id";
    };
    readonly effortQuantity: "vf:effortQuantity";
    readonly resourceQuantity: "vf:resourceQuantity";
    readonly resourceClassifiedAs: {
        readonly '@id': "vf:resourceClassifiedAs";
        readonly '@type': "@id";
        readonly '@container': "@set";
    };
    readonly hasPointInTime: {
        readonly '@id': "vf:hasPointInTime";
        readonly '@type': "xsd:date";
    };
    readonly note: "vf:note";
    readonly hasNumericalValue: {
        readonly '@id': "om2:hasNumericalValue";
        readonly '@type': "xsd:decimal";
    };
    readonly hasUnit: {
        readonly '@id': "om2:hasUnit";
        readonly '@type': "@id";
    };
    readonly minutes: {
        readonly '@id': "urn:disco:term:minutes";
        readonly '@type': "xsd:integer";
    };
};
export interface ValueFlowsInput {
    /** the ledger's key (hex): the cooperative's IRI */
    ledger: string;
    coopName: string;
    members: Array<{
        id: string;
        name: string;
    }>;
    /** the entries dated in the period (inactive ones are left out) */
    entries: Entry[];
    income: IncomeRecord[];
    /** the statements whose month's last day is in the period, as disco report counts payouts */
    statements: Statement[];
}
/**
 * Minutes as decimal hours, to six places: 90 → "1.5", 20 → "0.333333". Six places keep every
 * event's minutes recoverable (round(hours × 60)); the exact minutes are also given (`minutes`).
 */
export declare function hoursText(minutes: number): string;
export declare function valueFlowsDocument(input: ValueFlowsInput): Record<string, unknown>;
