//
// ApiError.h
//
// An expected, client-caused failure of a request.
//


#ifndef Erp_ApiError_INCLUDED
#define Erp_ApiError_INCLUDED


#include "erp/Abi.h"
#include <stdexcept>
#include <string>


namespace erp {


class ERP_API ApiError: public std::runtime_error
/// Thrown by request handling (host or plugin) for bad input or a refused
/// action. The host answers with `status` and
/// {"error": {"code": code, "message": what(), "field": field}}
/// and changes nothing (the request's transaction is rolled back).
{
public:
	ApiError(int status, const std::string& code, const std::string& message, const std::string& field = ""):
		std::runtime_error(message),
		_status(status),
		_code(code),
		_field(field)
	{}

	static ApiError invalid(const std::string& field, const std::string& message)
	/// 400 invalid_field.
	{
		return ApiError(400, "invalid_field", message, field);
	}

	static ApiError notFound(const std::string& what)
	/// 404 not_found.
	{
		return ApiError(404, "not_found", what + " not found");
	}

	int status() const
	{
		return _status;
	}

	const std::string& code() const
	{
		return _code;
	}

	const std::string& field() const
	{
		return _field;
	}

private:
	int _status;
	std::string _code;
	std::string _field;
};


} // namespace erp


#endif // Erp_ApiError_INCLUDED
