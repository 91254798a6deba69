//
// FieldChecks.h
//
// Checks a request's fields one by one and refuses them all at once.
//


#ifndef Erp_FieldChecks_INCLUDED
#define Erp_FieldChecks_INCLUDED


#include "erp/InvalidFields.h"
#include <optional>
#include <string>
#include <type_traits>
#include <vector>


namespace erp {


class FieldChecks
/// Runs each field's check, keeps the ApiError of a field it refuses and
/// goes on with the next, then refuses the request with every field that
/// was wrong (throwIfAny). An error that names no field (a body that is not
/// JSON, a missing record) is no field's: it is thrown at once.
///
///     FieldChecks checks;
///     auto name = checks.value([&] { return *input.text("name", true, 200); });
///     auto email = checks.value([&] { return checkedEmail(input); });
///     checks.throwIfAny();   // both refused: InvalidFields with the two
///     use(*name, *email);    // every value is there once nothing was refused
{
public:
	template <typename Check> auto value(Check&& check) -> std::optional<std::decay_t<decltype(check())>>
	/// check()'s value, or nothing when it refused a field.
	{
		try
		{
			return check();
		}
		catch (const ApiError& error)
		{
			if (error.field().empty()) throw;
			keep(error);
			return std::nullopt;
		}
	}

	template <typename Check> bool passes(Check&& check)
	/// Runs a check that returns nothing; false when it refused a field.
	{
		try
		{
			check();
			return true;
		}
		catch (const ApiError& error)
		{
			if (error.field().empty()) throw;
			keep(error);
			return false;
		}
	}

	void refuse(const ApiError& error)
	/// A field refused by the caller's own comparison.
	{
		keep(error);
	}

	bool refused(const std::string& field) const
	{
		for (const ApiError& error: _errors)
			if (error.field() == field) return true;
		return false;
	}

	bool empty() const
	{
		return _errors.empty();
	}

	void throwIfAny() const
	/// Nothing refused: returns. One field: its ApiError. More: InvalidFields.
	{
		if (_errors.empty()) return;
		if (_errors.size() == 1) throw _errors.front();
		throw InvalidFields(_errors);
	}

private:
	void keep(const ApiError& error)
	{
		// The first word on a field is the one to act on.
		if (!refused(error.field())) _errors.push_back(error);
	}

	std::vector<ApiError> _errors;
};


} // namespace erp


#endif // Erp_FieldChecks_INCLUDED
