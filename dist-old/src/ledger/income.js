export {};
//# sourceMappingURL=income.js.map