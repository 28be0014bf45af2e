/** Permission codes and Partner Center menu paths, exactly as the seed table gives them. */
export const PERMISSIONS = {
	register: { codes: ['BPC_ITEM_SUBCUSTSERV_010118'], path: 'Customer Business > Customer Management > Customer List > Register APIs (newly added)' },
	queryCustomers: { codes: ['BPC_ITEM_SUBCUSTSERV_010100', 'BPC_ITEM_SUBCUSTSERV_010500'], path: 'Customer List – View Customer List, or Reseller Customers – View Customers' },
	freeze: { codes: ['BPC_ITEM_SUBCUSTSERV_010501', 'BPC_ITEM_SUBCUSTSERV_010115'], path: 'Reseller Customers – Freeze/Unfreeze Accounts, or Customer List – Freeze/Unfreeze Accounts' },
	resellers: { codes: ['BPC_ITEM_SALES_020100'], path: 'Sales Management > My Resellers > Query Resellers' },
	orders: { codes: ['BPC_ITEM_SUBCUSTSERV_060100', 'BPC_ITEM_SUBCUSTSERV_060200'], path: 'Customer Business > customer orders' },
	getBudget: { codes: ['BPC_ITEM_SUBCUSTSERV_010111', 'BPC_ITEM_SUBCUSTSERV_010503', 'BPC_ITEM_SUBCUSTSERV_010107'], path: 'Customer List – Adjust Credit Limit, or Reseller Customers – Set Monthly Budgets' },
	setBudget: { codes: ['BPC_ITEM_SUBCUSTSERV_010111', 'BPC_ITEM_SUBCUSTSERV_010503'], path: 'Customer List – Adjust Credit Limit, or Reseller Customers – Set Monthly Budgets' },
	bills: { codes: ['BPC_ITEM_FINANCE_090100'], path: 'Financial Information > Partner Bills > View Partner Bill' },
	quota: { codes: ['BPC_ITEM_ACCOUNT_010500'], path: 'Partner Information > Basic Information > Consumption Quota – View Quota' },
} as const;
