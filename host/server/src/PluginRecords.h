//
// PluginRecords.h
//


#ifndef Host_PluginRecords_INCLUDED
#define Host_PluginRecords_INCLUDED


#include "RecordRegistry.h"
#include "erp/Records.h"
#include <string>


namespace host {


class PluginRecords: public erp::Records
/// erp::Records for one plugin: its section is named after its id.
{
public:
	PluginRecords(RecordRegistry& registry, const std::string& owner):
		_registry(registry),
		_owner(owner)
	{}

	void extend(const std::vector<erp::FieldSpec>& fields, erp::RecordExtension& extension) override
	{
		_registry.extend(_owner, fields, extension);
	}

	void withdraw() override
	{
		_registry.withdraw(_owner);
	}

private:
	RecordRegistry& _registry;
	std::string _owner;
};


} // namespace host


#endif // Host_PluginRecords_INCLUDED
