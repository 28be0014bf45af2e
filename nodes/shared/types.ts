import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

/**
 * How a request field is entered in the editor and checked before sending. The vendor's JSON
 * type is decided by `sendAs` where the kind alone does not say it.
 */
export type FieldKind =
	| 'string'
	| 'text'
	| 'password'
	| 'email'
	| 'integer'
	| 'number'
	| 'boolean'
	| 'options'
	/** Several of the listed values, sent as a list of them. */
	| 'multiOptions'
	/** A numeric account id picked with a resource locator (list search or typed id). */
	| 'accountId'
	/** A text id picked with a resource locator, checked against `pattern`. */
	| 'reference'
	/** Any number of ids entered as list entries; each entry may hold several, comma separated. */
	| 'idList'
	| 'stringList'
	/** n8n date picker or text, sent as `YYYY-MM`. */
	| 'month'
	/** n8n date picker or text, sent as `YYYY-MM-DD`. */
	| 'date'
	/** n8n date picker or text, sent as `YYYY-MM-DD HH:mm:ss`. */
	| 'dateTime'
	/** n8n date picker or text, converted to UTC and sent as `YYYY-MM-DDTHH:mm:ssZ`. */
	| 'utcDateTime'
	/** A JSON object typed by the user, sent as is. */
	| 'json'
	/** A nested object of the vendor's (an SDK struct): its `members` entered together, sent as one object. */
	| 'object'
	/** A list of nested objects (an SDK struct array): entries of `members`, sent as an array of objects. */
	| 'objectList';

/** `setting`: not sent as such; a setting of the call itself (a custom call's action, pacing). */
export type FieldLocation = 'body' | 'query' | 'path' | 'setting';

export interface FieldSpec {
	/** The vendor's own parameter name, e.g. `ClientUin`. */
	name: string;
	displayName: string;
	kind: FieldKind;
	description: string;
	required?: boolean;
	/** n8n parameter name; defaults to the vendor name in camelCase. */
	paramName?: string;
	default?: string | number | boolean;
	placeholder?: string;
	options?: INodePropertyOptions[];
	/** Inclusive numeric range. */
	min?: number;
	/** Most digits after the decimal point a number may have, counted on the number as written. */
	decimals?: number;
	max?: number;
	minLength?: number;
	maxLength?: number;
	/** Most entries a list may hold in one call; more are rejected unless the operation batches. */
	maxItems?: number;
	/**
	 * For lists: an entry may hold several values separated by commas, semicolons or spaces. Only
	 * for values that can never contain those characters (numeric ids, fixed-form ids); otherwise
	 * each list entry is exactly one value.
	 */
	splitEntries?: boolean;
	/** For string lists: turns an entry into the value sent (e.g. a link into its token); undefined when it cannot. */
	normalizeEntry?: (entry: string) => string | undefined;
	pattern?: RegExp;
	/** Words that finish "must be ..." when `pattern` fails. */
	patternHint?: string;
	/** JSON type the vendor expects where it differs from the kind (UINs sent as strings). */
	sendAs?: 'string' | 'number';
	/** Which list search backs an `accountId` picker. */
	listSearch?: string;
	/** A load-options method that fills a dropdown for this field (values still checked as text). */
	loadOptionsMethod?: string;
	/** Other parameters the dropdown depends on (n8n reloads it when they change). */
	loadOptionsDependsOn?: string[];
	/** Where the field goes in the request; body by default. */
	in?: FieldLocation;
	/** Time zone the vendor reads dates and months in, named in the help text. */
	timeZoneNote?: string;
	/** For `object` and `objectList`: the fields of the nested object, each with its own checks. */
	members?: FieldSpec[];
}

/** `Page` (1-based) + `PageSize` paging, as Tencent does it. */
export interface PageNumberPaging {
	style: 'pageNumber';
	pageField: string;
	sizeField: string;
	maxPageSize: number;
	/** Where the total count sits in the response, if the API gives one. */
	totalPath?: string;
}

/** Record `offset` + `limit` paging, as Huawei does it. */
export interface OffsetPaging {
	style: 'offset';
	offsetField: string;
	limitField: string;
	maxPageSize: number;
	totalPath?: string;
	in?: FieldLocation;
}

/**
 * `marker` + `limit` paging: each answer names the marker of the next page (none on the last), as
 * Huawei's product catalog does. Pages can only be read one after another.
 */
export interface MarkerPaging {
	style: 'marker';
	markerField: string;
	limitField: string;
	maxPageSize: number;
	/** Where the next page's marker sits in the answer. */
	nextMarkerPath: string;
	in?: FieldLocation;
}

export type PagingSpec = PageNumberPaging | OffsetPaging | MarkerPaging;

/** Which id list is split, and the most ids one call takes. */
export interface BatchSpec {
	field: string;
	maxPerCall: number;
}

/**
 * One operation of a node, as data: what the editor shows, the vendor call it makes, and the
 * groups below for what only some operations need. One executor runs them all.
 */
export interface OperationSpec {
	resource: string;
	/** n8n operation value, e.g. `getMany`. */
	operation: string;
	/** Shown in the operation dropdown, e.g. "Get Many". */
	name: string;
	/** Sentence-case action label, e.g. "Get many customers". */
	action: string;
	/** Help text: what it does and, first, any special requirement (customer key, allowlist). */
	description: string;
	/** Vendor action or method, e.g. `QueryCustomersCredit` or `POST /v2/partners/sub-customers/query`. */
	vendorAction: string;
	/** Changes something at the vendor; decides the retry policy. */
	write: boolean;
	/** Documented requests per second for this action; the node never exceeds it. */
	rateLimitPerSecond: number;
	fields: FieldSpec[];
	/** How the request is shaped beyond its fields. */
	request?: RequestShape;
	/** Server paging of a list: the node fetches pages up to Limit or all. */
	paging?: PagingSpec;
	/** What becomes of the vendor's answer. */
	answer?: AnswerHandling;
	/** For a write: how to check it and what running it again does. */
	writeRules?: WriteRules;
	/** What the caller needs before the vendor answers at all. */
	access?: AccessNeeds;
	/** Marks the node's custom call and says how an item's parameters become the call sent. */
	customCall?: CustomCall;
	/** Logic beyond one call per item (polling until ready, downloading a file). */
	ownLogic?: OwnLogic;
}

/** How an operation's request is shaped beyond the fields the user fills in. */
export interface RequestShape {
	/** REST method and path template (`{name}` is filled from path fields), for REST vendors. */
	http?: { method: HttpMethod; path: string };
	/** API version sent with the action, where the vendor versions per call (Tencent's X-TC-Version). */
	apiVersion?: string;
	/** Fixed request headers of this action (e.g. a language header). */
	headers?: IDataObject;
	/** Fixed body fields that always go with this action. */
	fixedBody?: IDataObject;
	/** An id list the API takes only in small batches: the node splits any number of ids. */
	batch?: BatchSpec;
	/**
	 * Last look at a checked request before it is sent, for rules that span fields (defaults taken
	 * from another field, values that must match). Returns a message when the request is invalid.
	 */
	finalize?: (request: BuiltRequest) => string | undefined;
	/**
	 * The method name and fields are not published, only inferred: the node says so, and lets a
	 * user rename the method or fields and add extra JSON fields without a new release.
	 */
	inferred?: boolean;
}

/** What becomes of the vendor's answer. */
export interface AnswerHandling {
	/** Where the records sit in the answer; when set, each record becomes one item. */
	recordsPath?: string;
	/** For a list without server paging: still offer Return All / Limit. */
	clientSideLimit?: boolean;
	/** For a single answer: the object at this path becomes the item (RequestId kept beside it). */
	resultPath?: string;
	/** Adds convenience fields to each output record (never replaces the vendor's own). */
	enrich?: (record: IDataObject) => IDataObject;
	/** When the vendor answers a write with no content, return the fields that were sent instead. */
	echoRequestWhenEmpty?: boolean;
	/** Offer a Simplify switch: amounts as numbers and flat keys, for spreadsheets. */
	simplifiable?: boolean;
}

/** How a write is checked after an unclear outcome, and what running it again does. */
export interface WriteRules {
	/** How to find out whether an ambiguous write took effect. */
	verifyHint?: string;
	/** What running it again does, and what protects it (every write says). */
	rerun?: RerunSafety;
}

/** What the caller needs before the vendor answers at all. */
export interface AccessNeeds {
	/** Needs the end customer's own API key rather than the partner's. */
	needsCustomerKey?: boolean;
	/** Needs allowlisting by the vendor's channel manager. */
	needsAllowlist?: boolean;
	/** Fine-grained permission codes the vendor checks; any one of them grants access. */
	permissions?: string[];
	/** Where an administrator grants those permissions, as the vendor's console names it. */
	permissionPath?: string;
}

/** An operation with logic of its own beyond one call per item. */
export interface OwnLogic {
	execute: OperationExecute;
	/** Extra editor properties the logic needs (shown only for this operation). */
	extraProperties?: INodeProperties[];
}

/**
 * The node's custom call: n8n's "Custom API Call" entry of every operation list leads to it. The
 * action, method or path (and, where offered, pacing and retry rule) come from the item's
 * parameters, so the executor sends the spec `bindItem` returns, through the same sender as any
 * listed operation: one mechanism for every vendor.
 */
export interface CustomCall {
	/**
	 * Turns one item's checked parameters into the spec and request really sent. Throws a
	 * FieldValidationError when they cannot make a request.
	 */
	bindItem: (request: BuiltRequest) => BoundCall;
}

/** A custom call bound to one item: a plain spec (no longer a custom call) and its request. */
export interface BoundCall {
	spec: OperationSpec;
	request: BuiltRequest;
}

/**
 * What running a write again does: `harmless` when the second run leaves things as the first did
 * (setting a value, freezing, approving), `addsAgain` when it adds a second time (credit,
 * invitations, accounts). `protection` says what key or check guards it, or that nothing does.
 */
export interface RerunSafety {
	effect: 'harmless' | 'addsAgain';
	protection: string;
}

/** What a custom operation returns for one item. */
export type OperationResult = IDataObject[] | INodeExecutionData[];

/** How many calls of one item may be in flight at once, and the execution's cancel signal. */
export interface CallScheduling {
	limit: number;
	signal?: AbortSignal;
}

/** How an operation's own logic sends one of its calls. */
export interface CallOptions {
	/** Another action of the same vendor (e.g. a read that checks a write), paced as that action. */
	spec?: OperationSpec;
	/**
	 * The operation settles a failure of this call itself (e.g. by reading the vendor's ledger), so
	 * the failure does not stop the item's or the run's other calls; the item's own result does.
	 */
	settlesFailure?: boolean;
}

export type OperationExecute = (
	context: IExecuteFunctions,
	spec: OperationSpec,
	send: (request: BuiltRequest, options?: CallOptions) => Promise<IDataObject>,
	request: BuiltRequest,
	itemIndex: number,
	scheduling?: CallScheduling,
) => Promise<OperationResult>;

export interface ResourceSpec {
	value: string;
	name: string;
	description: string;
}

/** What the executor hands a provider transport for one call. */
export interface BuiltRequest {
	body: IDataObject;
	qs: IDataObject;
	path: IDataObject;
	/** Fields that set up the call rather than travel in it (see FieldLocation `setting`). */
	settings?: IDataObject;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
