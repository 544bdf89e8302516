export {};
//# sourceMappingURL=members.js.map