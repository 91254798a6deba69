//
// InvalidFields.h
//
// Several fields of one request refused at once.
//


#ifndef Erp_InvalidFields_INCLUDED
#define Erp_InvalidFields_INCLUDED


#include "erp/ApiError.h"
#include <stdexcept>
#include <vector>


namespace erp {


class ERP_API InvalidFields: public ApiError
/// Every field a request got wrong, so that a form can mark all of them
/// instead of one per attempt. It is the first error as an ApiError (its
/// status, code, message and field: what a client that knows one error
/// shows), and all of them, in the order they were checked, as errors().
/// The host answers {"error": {the first's "code", "message", "field",
/// "errors": [{"code", "message", "field"}, ...]}}. FieldChecks gathers
/// them. A host built before this header answers the first alone.
{
public:
	explicit InvalidFields(std::vector<ApiError> errors):
		ApiError(first(errors)),
		_errors(std::move(errors))
	{}

	const std::vector<ApiError>& errors() const
	{
		return _errors;
	}

private:
	static const ApiError& first(const std::vector<ApiError>& errors)
	{
		if (errors.empty()) throw std::invalid_argument("InvalidFields needs at least one error");
		return errors.front();
	}

	std::vector<ApiError> _errors;
};


} // namespace erp


#endif // Erp_InvalidFields_INCLUDED
