import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { referenceDataOperations } from '../resources/referenceData';
import { tencentSender } from '../transport';

function referenceSpec(operation: string) {
	const spec = referenceDataOperations.find((s) => s.operation === operation);
	if (!spec) throw new Error(`Unknown reference data operation ${operation}`);
	return spec;
}

async function fetchList(context: ILoadOptionsFunctions, operation: string, path: string): Promise<IDataObject[]> {
	const response = await tencentSender()(context, referenceSpec(operation), { body: {}, qs: {}, path: {} }, 0);
	const list = response[path];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** Tencent does not accept these dialing codes (nor their areas) for international accounts. */
const REFUSED_DIALING_CODES = ['7', '380', '86'];

/** The countries of GetCountryCodes an international account may name. */
async function acceptedCountries(context: ILoadOptionsFunctions): Promise<IDataObject[]> {
	return (await fetchList(context, 'getCountryCodes', 'Data')).filter((c) => !REFUSED_DIALING_CODES.includes(String(c.Code)));
}

/** Dialing codes for Country Code, from GetCountryCodes. */
export async function getCountryCodes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await acceptedCountries(this))
		.map((c) => ({ name: `${c.EnName} (+${c.Code})`, value: String(c.Code), description: String(c.IOS2 ?? '') }))
		.sort(byName);
}

/** ISO alpha-2 codes for Area, from GetCountryCodes: the same countries as Country Code. */
export async function getAreas(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await acceptedCountries(this))
		.map((c) => ({ name: `${c.EnName} (${c.IOS2})`, value: String(c.IOS2), description: `Dialing code +${c.Code}` }))
		.sort(byName);
}

/** Layer-1 industries, from GetTradeConfigList. */
export async function getTradeOne(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await fetchList(this, 'getTradeConfigurations', 'TradeList'))
		.map((t) => ({ name: String(t.Name ?? t.Id), value: String(t.Id) }))
		.sort(byName);
}

/** Layer-2 industries of the chosen layer-1 industry; none until one is chosen. */
export async function getTradeTwo(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const tradeOne = String(this.getCurrentNodeParameter('tradeOne') ?? '');
	if (!tradeOne) return [];
	const parents = await fetchList(this, 'getTradeConfigurations', 'TradeList');
	return parents
		.filter((t) => String(t.Id) === tradeOne)
		.flatMap((t) => ((t.Children as IDataObject[] | undefined) ?? []).map((c) => ({ name: String(c.Name ?? c.Id), value: String(c.Id) })))
		.sort(byName);
}
